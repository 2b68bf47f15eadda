package com.tickethub.orders;

import static com.tickethub.orders.PurchaseFixture.request;
import static com.tickethub.testing.Requests.buyer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.tickethub.events.EventView;
import com.tickethub.events.TicketType;
import com.tickethub.http.Json;
import com.tickethub.inventory.TypeCounts;
import com.tickethub.local.stack.DynamoRequests;
import com.tickethub.testing.MutableClock;
import com.tickethub.testing.PurchaseTestComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * What each step of a sale costs in DynamoDB requests, counted as the emulator receives them
 * ({@link DynamoRequests}), for the common case: an order of 2 tickets of one unsharded type without a buyer limit,
 * of an event this container read in the last 30 seconds.
 */
class RequestCostTest {
  private static final Duration HOLD_LAPSES = Duration.ofMinutes(11);

  private final MutableClock clock = new MutableClock(Instant.parse("2027-01-01T00:00:00Z"));
  private final PurchaseTestComponent app = PurchaseTestComponent.create(clock);
  private final PurchaseFixture fixture = new PurchaseFixture(app);
  private final EventView event = fixture.event("plain-event.json");

  private static Map<String, Long> requests(Callable<?> work) throws Exception {
    String scope = "cost-" + UUID.randomUUID();
    DynamoRequests.in(scope, work);
    return DynamoRequests.of(scope);
  }

  private OrderView purchase(String buyer, String type, int quantity) {
    APIGatewayV2HTTPResponse response = fixture.post(buyer(buyer), PurchaseFixture.key(),
        Json.write(request(event, type, quantity)));
    assertEquals(201, response.getStatusCode(), response.getBody());
    return Json.read(response.getBody(), OrderView.class);
  }

  @Test
  void purchaseOfAnEventReadInTheLastThirtySecondsIsFourRequests() throws Exception {
    purchase("u-cost-warm", "General", 1);

    Map<String, Long> cost = requests(() -> purchase("u-cost-buy", "General", 2));

    // the Idempotency-Key claim, the take, the order, the claim's completion
    assertEquals(Map.of("PutItem", 2L, "UpdateItem", 2L), cost);
  }

  @Test
  void successfulPaymentIsThreeRequests() throws Exception {
    OrderView order = purchase("u-cost-pay", "General", 2);

    Map<String, Long> cost = requests(() -> app.paymentEvents().apply(StripeEventFixture.succeeded(order)));

    // the order read, its move to PAID with the tickets, the commit of its one allocation
    assertEquals(Map.of("GetItem", 1L, "UpdateItem", 2L), cost);
    assertEquals(OrderStatus.PAID, app.orders().find(order.orderId()).orElseThrow().status());
  }

  @Test
  void expiryMessageOfAPaidOrderItsFirstAttemptTookIsTwoRequests() throws Exception {
    OrderView order = purchase("u-cost-expiry", "General", 2);
    app.paymentEvents().apply(StripeEventFixture.succeeded(order));
    clock.advance(HOLD_LAPSES);

    Map<String, Long> cost = requests(() -> app.dueQueue().deliverDue(clock.instant(), app.expiry()::handle));

    // the order read, and the commit that finds the hold already sold
    assertEquals(Map.of("GetItem", 1L, "UpdateItem", 1L), cost);
    assertEquals(new TypeCounts(100, 98, 0, 2), fixture.counts(event, "General"));
  }

  @Test
  void expiryMessageOfALaterAttemptStillReleasesWhatAnotherAttemptLeftOfAPaidOrder() {
    OrderView order = purchase("u-cost-left", "General", 2);
    app.paymentEvents().apply(StripeEventFixture.succeeded(order));
    TicketType balcony = app.events().find(event.eventId()).ticketType(PurchaseFixture.typeId(event, "Balcony"))
        .orElseThrow();
    // a hold an attempt that died took under the same order id, which the written order does not list
    app.inventory().take(event.eventId(), balcony, order.orderId(), 1, 3, clock.instant().plus(Duration.ofMinutes(10)));
    clock.advance(HOLD_LAPSES);

    app.expiry().handle(Json.write(new ExpiryMessage(order.orderId(), event.eventId(), "u-cost-left",
        ExpiryMessage.Kind.HOLD)));

    assertEquals(new TypeCounts(100, 100, 0, 0), fixture.counts(event, "Balcony"));
    assertEquals(new TypeCounts(100, 98, 0, 2), fixture.counts(event, "General"));
    fixture.assertInvariant(event);
  }
}
