package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tickethub.local.stack.LocalStripe;
import com.tickethub.payments.StripeSignature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every operation of openapi.yaml over real HTTP through the local server. {@link TestHttp} checks each answer
 * against openapi.yaml ({@link OpenApiContract}: status, content type, documented headers, body schema), so
 * these tests only drive the routes and assert what the contract promises beyond the schema.
 */
class EveryRouteEndToEndTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String NEW_EVENT = TestHttp.resource("bodies/new-event.json");
  private static final String INTENT_EVENT = TestHttp.resource("bodies/stripe-payment-intent-event.json");

  private final TestHttp http = TestServer.http();
  private final String organizer = http.token("organizer-" + UUID.randomUUID(), List.of("organizer"));
  private final String buyer = http.token("buyer-" + UUID.randomUUID(), List.of());
  private final String gateSub = "gate-" + UUID.randomUUID();
  private final String gate = http.token(gateSub, List.of("staff"));

  @Test
  void everyOperationOfOpenApiIsExercisedAndAnswersAsDocumented() {
    assertEquals(200, http.get("/_local/health", null).status());
    JsonNode event = newEvent();
    String eventId = event.path("eventId").asText();
    String typeId = event.path("ticketTypes").path(0).path("ticketTypeId").asText();
    assertEquals(200, http.get("/events/" + eventId, null).status());
    assertEquals(200, http.get("/events/" + eventId + "/stats", organizer).status());
    assertEquals(200, http.get("/.well-known/ticket-keys", null).status());

    JsonNode scanned = paidOrder(eventId, typeId);
    String ticketId = scanned.path("tickets").path(0).path("ticketId").asText();
    TestHttp.Response ticket = http.get("/tickets/" + ticketId, buyer);
    assertEquals(200, ticket.status(), ticket.body());
    assertEquals("image/png", http.get("/tickets/" + ticketId + "/qr", buyer).contentType());
    String code = ticket.json().path("code").asText();
    assertEquals(200, validate(gate, code, eventId, "North").status());
    assertEquals(409, validate(gate, code, eventId, "South").status());
    assertProblem(http.post("/orders/" + scanned.path("orderId").asText() + "/refund", organizer, null),
        409, "already_checked_in");

    JsonNode refundable = paidOrder(eventId, typeId);
    TestHttp.Response refunded = http.post("/orders/" + refundable.path("orderId").asText() + "/refund", organizer, null);
    assertEquals(200, refunded.status(), refunded.body());
    assertEquals("REFUNDED", refunded.json().path("status").asText());

    JsonNode unpaid = purchase(eventId, typeId);
    TestHttp.Response cancelled = http.post("/orders/" + unpaid.path("orderId").asText() + "/cancel", buyer, null);
    assertEquals(200, cancelled.status(), cancelled.body());
    assertEquals("CANCELLED", cancelled.json().path("status").asText());
    assertEquals(200, deliver(stripeEvent("payment_intent.payment_failed", "requires_payment_method", unpaid)).status());
    assertEquals(200, http.get("/orders?limit=2", buyer).status());
    assertEquals(200, http.get("/events/" + eventId + "/orders", organizer).status());
    assertEquals(200, http.get("/events?limit=2", null).status());
    assertEquals(200, http.get("/organizer/events?limit=2", organizer).status());

    TestHttp.Response hall = http.post("/events", organizer, TestHttp.resource("seats/small-hall.json"));
    assertEquals(201, hall.status(), hall.body());
    String seats = "/events/" + hall.json().path("eventId").asText() + "/seats";
    assertEquals(200, http.get(seats, null).status());
    assertEquals(200, http.post(seats + "/block", organizer, "{\"seats\": [\"A-1-1\"]}").status());
    assertEquals(200, http.post(seats + "/unblock", organizer, "{\"seats\": [\"A-1-1\"]}").status());

    assertEquals(Set.of(), OpenApiContract.unexercised(), "operations of openapi.yaml that no test called");
  }

  @Test
  void replacingTheStaffAnswersTheEventWithItsNewStaff() {
    String eventId = newEvent().path("eventId").asText();

    TestHttp.Response replaced = http.send("PUT", "/events/" + eventId + "/staff", organizer,
        "{\"staff\": [\"scanner-2\", \"scanner-3\"]}", Map.of());

    assertEquals(200, replaced.status(), replaced.body());
    assertEquals(eventId, replaced.json().path("eventId").asText());
    assertEquals(List.of("scanner-2", "scanner-3"), TestHttp.JSON.convertValue(replaced.json().path("staff"), List.class));
    assertEquals(2, replaced.json().path("ticketTypes").size());
  }

  @Test
  void validateWithoutAGateIsInvalidRequestNamingTheGate() {
    String eventId = newEvent().path("eventId").asText();
    ObjectNode body = TestHttp.JSON.createObjectNode().put("code", "TH1.x.y.z.s").put("eventId", eventId);

    TestHttp.Response response = http.post("/tickets/validate", gate, body.toString());

    assertProblem(response, 400, "invalid_request");
    assertEquals("gate", response.json().path("field").asText());
  }

  @Test
  void aGateNameOf64CharactersIsTakenAnd65IsInvalidRequest() {
    String eventId = newEvent().path("eventId").asText();

    assertProblem(validate(gate, "TH1.not.a.code", eventId, "g".repeat(64)), 422, "invalid");
    TestHttp.Response tooLong = validate(gate, "TH1.not.a.code", eventId, "g".repeat(65));
    assertProblem(tooLong, 400, "invalid_request");
    assertEquals("gate", tooLong.json().path("field").asText());
  }

  @Test
  void aScannerOnTheStaffListWithoutTheStaffGroupIsForbidden() {
    JsonNode event = newEvent();
    String eventId = event.path("eventId").asText();
    JsonNode order = paidOrder(eventId, event.path("ticketTypes").path(0).path("ticketTypeId").asText());
    String code = http.get("/tickets/" + order.path("tickets").path(0).path("ticketId").asText(), buyer)
        .json().path("code").asText();
    String listedButNoGroup = http.token(gateSub, List.of());

    assertProblem(validate(listedButNoGroup, code, eventId, "North"), 403, "forbidden");
    assertEquals(200, validate(gate, code, eventId, "North").status(), "the ticket was left unused");
  }

  @Test
  void aGroupWhoseNameMerelyContainsOrganizerCannotCreateEvents() {
    for (String group : List.of("x,organizer", "[organizer]", "organizer,staff")) {
      String token = TestServer.get().authorizer().mint("sneaky-" + UUID.randomUUID(), List.of(group), Duration.ofHours(1));

      assertProblem(http.post("/events", token, NEW_EVENT), 403, "forbidden");
    }
  }

  @Test
  void aNumberWhereAnInstantBelongsIsInvalidRequestNamingTheField() {
    String body = NEW_EVENT.replace("\"salesEnd\": null", "\"salesEnd\": 1e1000000000");

    TestHttp.Response response = http.post("/events", organizer, body);

    assertProblem(response, 400, "invalid_request");
    assertEquals("ticketTypes[0].salesEnd", response.json().path("field").asText());
  }

  @Test
  void aSignedBodyThatIsNotAStripeEventIsInvalidRequestNotABadSignature() {
    assertProblem(deliver("{\"hello\": \"stripe\"}"), 400, "invalid_request");
  }

  private JsonNode newEvent() {
    TestHttp.Response created = http.post("/events", organizer, NEW_EVENT.replace("scanner-1", gateSub));
    assertEquals(201, created.status(), created.body());
    return created.json();
  }

  private JsonNode purchase(String eventId, String typeId) {
    String body = TestHttp.JSON.createObjectNode().put("eventId", eventId).set("items", TestHttp.JSON.createArrayNode()
        .add(TestHttp.JSON.createObjectNode().put("ticketTypeId", typeId).put("quantity", 1))).toString();
    TestHttp.Response response = http.send("POST", "/tickets/purchase", buyer, body,
        Map.of("Idempotency-Key", "tour-" + UUID.randomUUID()));
    assertEquals(201, response.status(), response.body());
    return response.json();
  }

  /** A purchase paid through the local Stripe stand-in, once payment-events has made it PAID. */
  private JsonNode paidOrder(String eventId, String typeId) {
    String orderId = purchase(eventId, typeId).path("orderId").asText();
    TestHttp.Response pay = http.post("/_local/stripe/pay", null, "{\"orderId\": \"" + orderId + "\"}");
    assertEquals(202, pay.status(), pay.body());
    Instant deadline = Instant.now().plus(PATIENCE);
    while (true) {
      TestHttp.Response order = http.get("/orders/" + orderId, buyer);
      assertEquals(200, order.status(), order.body());
      if (order.json().path("status").asText().equals("PAID")) {
        return order.json();
      }
      assertTrue(Instant.now().isBefore(deadline), "not paid in time: " + order.body());
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private TestHttp.Response validate(String token, String code, String eventId, String gateName) {
    return http.post("/tickets/validate", token,
        TestHttp.JSON.createObjectNode().put("code", code).put("eventId", eventId).put("gate", gateName).toString());
  }

  private String stripeEvent(String type, String status, JsonNode order) {
    return INTENT_EVENT.replace("${eventId}", "evt_tour_" + UUID.randomUUID().toString().replace("-", ""))
        .replace("${type}", type).replace("${status}", status)
        .replace("${created}", Long.toString(Instant.now().getEpochSecond()))
        .replace("${intentId}", order.path("payment").path("paymentIntentId").asText())
        .replace("${amount}", Long.toString(order.path("amountCents").asLong()))
        .replace("${orderId}", order.path("orderId").asText());
  }

  private TestHttp.Response deliver(String body) {
    String signature = StripeSignature.header(body, LocalStripe.DEFAULT_WEBHOOK_SECRET, Instant.now());
    return http.send("POST", "/webhooks/stripe", null, body, Map.of("Stripe-Signature", signature));
  }

  private static void assertProblem(TestHttp.Response response, int status, String code) {
    assertEquals(status, response.status(), response.body());
    assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
    assertEquals(code, response.json().path("code").asText(), response.body());
  }
}
