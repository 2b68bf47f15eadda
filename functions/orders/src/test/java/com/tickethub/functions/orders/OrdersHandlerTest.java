package com.tickethub.functions.orders;

import static com.tickethub.testing.Requests.buyer;
import static com.tickethub.testing.Requests.organizer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.events.EventView;
import com.tickethub.events.NewEvent;
import com.tickethub.http.Json;
import com.tickethub.idempotency.Claim;
import com.tickethub.inventory.TypeCounts;
import com.tickethub.local.stack.ProjectRoot;
import com.tickethub.orders.Order;
import com.tickethub.orders.OrderStatus;
import com.tickethub.orders.OrderView;
import com.tickethub.orders.PurchaseItem;
import com.tickethub.orders.PurchaseRequest;
import com.tickethub.payments.StripeEvent;
import com.tickethub.testing.PurchaseTestComponent;
import com.tickethub.testing.Requests;
import com.tickethub.testing.TestStack;
import com.tickethub.tickets.TicketStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * POST /orders/{orderId}/cancel and /refund through the handler, as API Gateway calls it (the sample events of
 * events/ with this test's order and caller), against the real emulators, with the local payment gateway.
 */
class OrdersHandlerTest {
  private static final String ORGANIZER = "org-orders-handler";

  private final PurchaseTestComponent app = PurchaseTestComponent.create(Clock.systemUTC());
  private final OrdersHandler handler =
      new OrdersHandler(TestStack.aws().functionEnvironment("OrdersFunction", Map.of("PaymentProvider", "local")));
  private final EventView event = app.events().create(organizer(ORGANIZER),
      Json.read(Requests.resource("orders/small-event.json"), NewEvent.class));
  private final String standard = event.ticketTypes().stream().filter(t -> t.name().equals("Standard"))
      .findFirst().orElseThrow().ticketTypeId();

  private OrderView buy(String buyer, int quantity) {
    return app.purchases().purchase(buyer(buyer), new Claim(UUID.randomUUID().toString(), false),
        new PurchaseRequest(event.eventId(), List.of(new PurchaseItem(standard, quantity))));
  }

  /** The order's own payment succeeded, as its Stripe event says. */
  private Order pay(OrderView view) {
    Order order = app.orders().find(view.orderId()).orElseThrow();
    app.lifecycle().paymentSucceeded(order, new StripeEvent("evt_" + UUID.randomUUID(), "payment_intent.succeeded",
        Instant.now(), order.payment().paymentIntentId(), Optional.of(order.payment().paymentIntentId()),
        Optional.of(order.orderId()), OptionalLong.of(order.amountCents()), Optional.of(order.currency()),
        OptionalLong.empty(), Optional.empty()));
    return app.orders().find(view.orderId()).orElseThrow();
  }

  private APIGatewayV2HTTPResponse post(String action, String orderId, String sub, String groups) {
    try {
      APIGatewayV2HTTPEvent request = Json.MAPPER.readValue(
          Files.readString(ProjectRoot.find().resolve("events/orders-" + action + ".json")), APIGatewayV2HTTPEvent.class);
      request.setPathParameters(Map.of("orderId", orderId));
      request.setRawPath("/orders/" + orderId + "/" + action);
      Map<String, String> claims = new HashMap<>(request.getRequestContext().getAuthorizer().getJwt().getClaims());
      claims.put("sub", sub);
      claims.put("cognito:groups", groups);
      request.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
      Map<String, String> headers = new HashMap<>(request.getHeaders());
      headers.remove("idempotency-key");
      request.setHeaders(headers);
      return handler.handleRequest(request, null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String code(APIGatewayV2HTTPResponse response) {
    return Json.read(response.getBody(), JsonNode.class).path("code").asText();
  }

  private TypeCounts counts() {
    return app.inventory().counts(event.eventId()).get(standard);
  }

  @Test
  void buyerCancelsAnUnpaidOrderAndTheHoldComesBack() {
    OrderView view = buy("u-cancel", 2);

    APIGatewayV2HTTPResponse response = post("cancel", view.orderId(), "u-cancel", "[]");

    assertEquals(200, response.getStatusCode(), response.getBody());
    assertEquals("CANCELLED", Json.read(response.getBody(), JsonNode.class).path("status").asText());
    assertEquals(new TypeCounts(10, 10, 0, 0), counts());
  }

  @Test
  void cancellingTwiceAnswersTheCancelledOrderAgain() {
    OrderView view = buy("u-cancel-twice", 2);
    post("cancel", view.orderId(), "u-cancel-twice", "[]");

    APIGatewayV2HTTPResponse again = post("cancel", view.orderId(), "u-cancel-twice", "[]");

    assertEquals(200, again.getStatusCode(), again.getBody());
    assertEquals("CANCELLED", Json.read(again.getBody(), JsonNode.class).path("status").asText());
    assertEquals(new TypeCounts(10, 10, 0, 0), counts());
  }

  @Test
  void anotherUserCannotSeeOrCancelTheOrder() {
    OrderView view = buy("u-cancel-mine", 2);

    APIGatewayV2HTTPResponse response = post("cancel", view.orderId(), "u-stranger", "[]");

    assertEquals(404, response.getStatusCode());
    assertEquals(OrderStatus.PENDING_PAYMENT, app.orders().find(view.orderId()).orElseThrow().status());
  }

  @Test
  void paidOrderCannotBeCancelled() {
    OrderView view = buy("u-cancel-paid", 2);
    pay(view);

    APIGatewayV2HTTPResponse response = post("cancel", view.orderId(), "u-cancel-paid", "[]");

    assertEquals(409, response.getStatusCode());
    assertEquals("order_not_cancellable", code(response));
    assertEquals(new TypeCounts(10, 8, 0, 2), counts());
  }

  @Test
  void organizerRefundsAPaidOrderItsTicketsAreVoidAndBackOnSale() {
    OrderView view = buy("u-refund", 3);
    Order paid = pay(view);

    APIGatewayV2HTTPResponse response = post("refund", view.orderId(), ORGANIZER, "[organizer]");

    assertEquals(200, response.getStatusCode(), response.getBody());
    assertEquals("REFUNDED", Json.read(response.getBody(), JsonNode.class).path("status").asText());
    app.orders().find(paid.orderId()).orElseThrow().tickets()
        .forEach(t -> assertEquals(TicketStatus.VOID, t.status()));
    assertEquals(new TypeCounts(10, 10, 0, 0), counts());
    assertEquals(0, app.buyers().count(event.eventId(), standard, "u-refund"));
  }

  @Test
  void refundingTwiceReturnsTheTicketsOnce() {
    OrderView view = buy("u-refund-twice", 3);
    pay(view);
    post("refund", view.orderId(), ORGANIZER, "[organizer]");

    APIGatewayV2HTTPResponse again = post("refund", view.orderId(), ORGANIZER, "[organizer]");

    assertEquals(200, again.getStatusCode(), again.getBody());
    assertEquals(new TypeCounts(10, 10, 0, 0), counts());
  }

  @Test
  void anotherOrganizerIsForbiddenAndTheBuyerGetsNotFound() {
    OrderView view = buy("u-refund-other", 1);
    pay(view);

    assertEquals(403, post("refund", view.orderId(), "org-someone-else", "[organizer]").getStatusCode());
    assertEquals(404, post("refund", view.orderId(), "u-refund-other", "[]").getStatusCode());
    assertEquals(404, post("refund", "no-such-order", ORGANIZER, "[organizer]").getStatusCode());
    assertEquals(OrderStatus.PAID, app.orders().find(view.orderId()).orElseThrow().status());
  }

  @Test
  void orderWithACheckedInTicketIsNotRefundedAndNothingChanges() {
    OrderView view = buy("u-refund-scanned", 2);
    Order paid = pay(view);
    app.orders().checkIn(paid.orderId(), 0, event.eventId(), Instant.now(), "North");

    APIGatewayV2HTTPResponse response = post("refund", view.orderId(), ORGANIZER, "[organizer]");

    assertEquals(409, response.getStatusCode());
    assertEquals("already_checked_in", code(response));
    assertEquals(OrderStatus.PAID, app.orders().find(view.orderId()).orElseThrow().status());
    assertEquals(TicketStatus.ISSUED, app.orders().find(paid.orderId()).orElseThrow().tickets().get(1).status());
    assertEquals(new TypeCounts(10, 8, 0, 2), counts());
    assertEquals(2, app.buyers().count(event.eventId(), standard, "u-refund-scanned"));
  }
}
