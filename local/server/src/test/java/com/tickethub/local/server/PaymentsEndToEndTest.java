package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.local.stack.LocalStripe;
import com.tickethub.payments.StripeSignature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Payments through the local server over HTTP, the real path: purchase -> {@code POST /_local/stripe/pay} -> signed
 * {@code /webhooks/stripe} -> stripe-webhook -> PaymentEventsQueue -> payment-events -> order PAID with tickets;
 * then Stripe's redeliveries and an out-of-order failure, signed here as Stripe would sign them.
 */
class PaymentsEndToEndTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String NEW_EVENT = TestHttp.resource("bodies/new-event.json");
  private static final String INTENT_EVENT = TestHttp.resource("bodies/stripe-payment-intent-event.json");

  private final TestHttp http = TestServer.http();
  private final String organizer = http.token("organizer-" + UUID.randomUUID(), List.of("organizer"));
  private final String buyer = http.token("buyer-" + UUID.randomUUID(), List.of());

  private JsonNode purchase(String eventId, String typeId, int quantity) {
    String body = "{\"eventId\": \"" + eventId + "\", \"items\": [{\"ticketTypeId\": \"" + typeId
        + "\", \"quantity\": " + quantity + "}]}";
    TestHttp.Response response = http.send("POST", "/tickets/purchase", buyer, body,
        Map.of("Idempotency-Key", "e2e-" + UUID.randomUUID()));
    assertEquals(201, response.status(), response.body());
    return response.json();
  }

  private JsonNode newEvent() {
    TestHttp.Response created = http.post("/events", organizer, NEW_EVENT);
    assertEquals(201, created.status(), created.body());
    return created.json();
  }

  private JsonNode awaitOrder(String orderId, Predicate<JsonNode> done) {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (true) {
      TestHttp.Response order = http.get("/orders/" + orderId, buyer);
      assertEquals(200, order.status(), order.body());
      if (done.test(order.json()) || Instant.now().isAfter(deadline)) {
        return order.json();
      }
      pause();
    }
  }

  /** Until every message sent to the payment-events queue so far has been consumed (or the patience runs out). */
  private void awaitQueueDrained() {
    String queueUrl = TestServer.get().aws().queueUrl("PaymentEventsQueue");
    Instant deadline = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(deadline)) {
      Map<QueueAttributeName, String> counts = TestServer.get().aws().sqs().getQueueAttributes(b -> b.queueUrl(queueUrl)
          .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
      if (counts.values().stream().allMatch("0"::equals)) {
        return;
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String stripeEvent(String eventId, String type, String status, JsonNode order) {
    return INTENT_EVENT.replace("${eventId}", eventId).replace("${type}", type).replace("${status}", status)
        .replace("${created}", Long.toString(Instant.now().getEpochSecond()))
        .replace("${intentId}", order.path("payment").path("paymentIntentId").asText())
        .replace("${amount}", Long.toString(order.path("amountCents").asLong()))
        .replace("${orderId}", order.path("orderId").asText());
  }

  private void deliver(String body) {
    String signature = StripeSignature.header(body, LocalStripe.DEFAULT_WEBHOOK_SECRET, Instant.now());
    TestHttp.Response response = http.send("POST", "/webhooks/stripe", null, body,
        Map.of("Stripe-Signature", signature));
    assertEquals(200, response.status(), response.body());
  }

  private JsonNode stats(String eventId) {
    TestHttp.Response stats = http.get("/events/" + eventId + "/stats", organizer);
    assertEquals(200, stats.status(), stats.body());
    return stats.json();
  }

  @Test
  void purchasePaidThroughTheLocalStripeIsPaidOnceWhateverStripeRedelivers() {
    JsonNode event = newEvent();
    String eventId = event.path("eventId").asText();
    String typeId = event.path("ticketTypes").path(0).path("ticketTypeId").asText();
    JsonNode order = purchase(eventId, typeId, 2);
    String orderId = order.path("orderId").asText();

    TestHttp.Response pay = http.post("/_local/stripe/pay", null, "{\"orderId\": \"" + orderId + "\"}");
    assertEquals(202, pay.status(), pay.body());
    assertEquals("payment_intent.succeeded", pay.json().path("type").asText());
    assertTrue(pay.json().path("eventId").asText().startsWith("evt_local_"));

    JsonNode paid = awaitOrder(orderId, o -> o.path("status").asText().equals("PAID"));
    assertEquals("PAID", paid.path("status").asText(), paid.toString());
    assertEquals(2, paid.path("tickets").size());
    List<String> tickets = new ArrayList<>();
    paid.path("tickets").forEach(t -> tickets.add(t.path("ticketId").asText()));

    // Stripe's redeliveries of that same event (its id), and a failure of an earlier attempt arriving late.
    String again = stripeEvent(pay.json().path("eventId").asText(), "payment_intent.succeeded", "succeeded", order);
    String failed = stripeEvent("evt_e2e_" + UUID.randomUUID().toString().replace("-", ""),
        "payment_intent.payment_failed", "requires_payment_method", order);
    deliver(again);
    deliver(failed);
    for (int i = 0; i < 4; i++) {
      deliver(again);
    }
    awaitQueueDrained();

    JsonNode after = awaitOrder(orderId, o -> true);
    assertEquals("PAID", after.path("status").asText(), after.toString());
    List<String> ticketsAfter = new ArrayList<>();
    after.path("tickets").forEach(t -> ticketsAfter.add(t.path("ticketId").asText()));
    assertEquals(tickets, ticketsAfter);
    assertTrue(after.path("lastPaymentError").isMissingNode(), after.toString());
    JsonNode general = stats(eventId).path("ticketTypes").path(0);
    assertEquals(2, general.path("sold").asLong(), general.toString());
    assertEquals(0, general.path("held").asLong(), general.toString());
    assertEquals(general.path("capacity").asLong(),
        general.path("available").asLong() + general.path("held").asLong() + general.path("sold").asLong());
  }

  @Test
  void failedLocalPaymentLeavesTheOrderPendingWithTheError() {
    JsonNode event = newEvent();
    JsonNode order = purchase(event.path("eventId").asText(),
        event.path("ticketTypes").path(0).path("ticketTypeId").asText(), 1);
    String orderId = order.path("orderId").asText();

    TestHttp.Response pay = http.post("/_local/stripe/pay", null,
        "{\"orderId\": \"" + orderId + "\", \"outcome\": \"failed\"}");
    assertEquals(202, pay.status(), pay.body());

    JsonNode failed = awaitOrder(orderId, o -> o.has("lastPaymentError"));
    assertEquals("PENDING_PAYMENT", failed.path("status").asText());
    assertEquals("Your card was declined.", failed.path("lastPaymentError").asText());
  }

  @Test
  void payingAnUnknownOrderIsNotFound() {
    TestHttp.Response pay = http.post("/_local/stripe/pay", null, "{\"orderId\": \"no-such-order\"}");

    assertEquals(404, pay.status(), pay.body());
    assertEquals("not_found", pay.json().path("code").asText());
  }
}
