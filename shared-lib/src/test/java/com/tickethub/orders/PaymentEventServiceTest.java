package com.tickethub.orders;

import static com.tickethub.orders.PurchaseFixture.claim;
import static com.tickethub.orders.PurchaseFixture.request;
import static com.tickethub.testing.Requests.buyer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.events.EventView;
import com.tickethub.inventory.TypeCounts;
import com.tickethub.orders.PaymentEventService.Outcome;
import com.tickethub.testing.MutableClock;
import com.tickethub.testing.PurchaseTestComponent;
import com.tickethub.tickets.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentEventServiceTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2027-01-01T00:00:00Z"));
  private final RecordingPaymentGateway gateway = new RecordingPaymentGateway();
  private final PurchaseTestComponent app = PurchaseTestComponent.create(clock, Checkpoints.NONE, Map.of(), gateway);
  private final PurchaseFixture fixture = new PurchaseFixture(app);
  private final EventView event = fixture.event("small-event.json");

  private OrderView buy(String buyer, int quantity) {
    return app.purchases().purchase(buyer(buyer), claim(), request(event, "Standard", quantity));
  }

  private Outcome apply(String body) {
    return app.paymentEvents().apply(body);
  }

  private Order order(OrderView view) {
    return app.orders().find(view.orderId()).orElseThrow();
  }

  private void assertPaidWithTickets(OrderView view, int quantity) {
    Order order = order(view);
    assertEquals(OrderStatus.PAID, order.status());
    assertEquals(quantity, order.tickets().size());
    order.tickets().forEach(t -> assertEquals(TicketStatus.ISSUED, t.status()));
    fixture.assertInvariant(event);
  }

  private void expire(OrderView view, String buyer) {
    assertEquals(OrderLifecycle.Result.EXPIRED,
        app.lifecycle().reconcile(view.orderId(), event.eventId(), buyer).result());
  }

  @Test
  void succeededPaymentMarksTheOrderPaidIssuesTicketsAndSellsTheHold() {
    OrderView view = buy("u-pay", 3);

    assertEquals(Outcome.PAID, apply(StripeEventFixture.succeeded(view)));

    assertPaidWithTickets(view, 3);
    assertEquals(new TypeCounts(10, 7, 0, 3), fixture.counts(event, "Standard"));
    assertEquals(3, app.buyers().count(event.eventId(), PurchaseFixture.typeId(event, "Standard"), "u-pay"));
  }

  @Test
  void sameEventDeliveredFiveMoreTimesTakesEffectOnce() {
    OrderView view = buy("u-dup-event", 2);
    String succeeded = StripeEventFixture.succeeded(view);
    apply(succeeded);

    for (int i = 0; i < 5; i++) {
      assertEquals(Outcome.ALREADY_PAID, apply(succeeded)); // the order's state, not a record of the event, decides
    }
    assertEquals(1, order(view).history().stream().filter(e -> e.type() == HistoryEntry.Type.PAYMENT_SUCCEEDED)
        .count());

    assertPaidWithTickets(view, 2);
    assertEquals(new TypeCounts(10, 8, 0, 2), fixture.counts(event, "Standard"));
  }

  @Test
  void failedPaymentKeepsTheOrderPendingWithLastPaymentError() {
    OrderView view = buy("u-fail", 1);

    assertEquals(Outcome.PAYMENT_ERROR_RECORDED, apply(StripeEventFixture.failed(view)));

    Order order = order(view);
    assertEquals(OrderStatus.PENDING_PAYMENT, order.status());
    assertEquals("Your card was declined.", order.lastPaymentError());
    assertEquals(new TypeCounts(10, 9, 1, 0), fixture.counts(event, "Standard"));
  }

  @Test
  void failureArrivingAfterSuccessDoesNotUndoIt() {
    OrderView view = buy("u-fail-late", 2);
    apply(StripeEventFixture.succeeded(view));

    assertEquals(Outcome.NO_CHANGE, apply(StripeEventFixture.failed(view)));

    assertPaidWithTickets(view, 2);
    assertNull(order(view).lastPaymentError());
  }

  @Test
  void canceledIntentCancelsTheOrderAndReleasesTheHold() {
    OrderView view = buy("u-canceled", 2);

    assertEquals(Outcome.CANCELLED, apply(StripeEventFixture.canceled(view)));

    assertEquals(OrderStatus.CANCELLED, order(view).status());
    assertEquals(new TypeCounts(10, 10, 0, 0), fixture.counts(event, "Standard"));
    fixture.assertInvariant(event);
  }

  @Test
  void latePaymentAfterExpiryTakesTheTicketsAgainWhenStillAvailable() {
    OrderView view = buy("u-late", 2);
    clock.advance(Duration.ofMinutes(11));
    expire(view, "u-late");

    assertEquals(Outcome.LATE_PAID, apply(StripeEventFixture.succeeded(view)));

    assertPaidWithTickets(view, 2);
    assertEquals(new TypeCounts(10, 8, 0, 2), fixture.counts(event, "Standard"));
    assertTrue(gateway.refunds.isEmpty());
  }

  @Test
  void latePaymentAfterTheTicketsSoldOutIsRefundedAndTheOrderRefunded() {
    OrderView view = buy("u-late-out", 4);
    clock.advance(Duration.ofMinutes(11));
    expire(view, "u-late-out");
    buy("u-other-1", 4);
    buy("u-other-2", 4);
    buy("u-other-3", 2);

    assertEquals(Outcome.LATE_PAYMENT_REFUNDED, apply(StripeEventFixture.succeeded(view)));

    assertEquals(OrderStatus.REFUNDED, order(view).status());
    assertTrue(order(view).tickets().isEmpty());
    assertEquals(List.of(new RecordingPaymentGateway.Refund(StripeEventFixture.intentOf(view),
        "refund-" + view.orderId())), gateway.refunds);
    assertEquals(new TypeCounts(10, 0, 10, 0), fixture.counts(event, "Standard"));
    fixture.assertInvariant(event);
  }

  @Test
  void secondSuccessfulPaymentForAPaidOrderIsRefundedOnce() {
    OrderView view = buy("u-double", 1);
    apply(StripeEventFixture.succeeded(view));
    String second = StripeEventFixture.succeeded(view, "pi_second_" + view.orderId(), view.amountCents());

    assertEquals(Outcome.SECOND_PAYMENT_REFUNDED, apply(second));
    apply(second);

    assertEquals(List.of(new RecordingPaymentGateway.Refund("pi_second_" + view.orderId(),
        "refund-pi_second_" + view.orderId())), gateway.refunds);
    assertPaidWithTickets(view, 1);
  }

  @Test
  void paymentOfAnotherAmountIsRefundedAndNeverMarksTheOrderPaid() {
    OrderView view = buy("u-mismatch", 2);

    assertEquals(Outcome.MISMATCHED_PAYMENT_REFUNDED,
        apply(StripeEventFixture.succeeded(view, StripeEventFixture.intentOf(view), 100)));

    assertEquals(OrderStatus.PENDING_PAYMENT, order(view).status());
    assertEquals(1, gateway.refunds.size());
  }

  @Test
  void refundInStripeVoidsTheTicketsAndPutsThemBackOnSaleOnce() {
    OrderView view = buy("u-dashboard", 3);
    apply(StripeEventFixture.succeeded(view));
    String refunded = StripeEventFixture.chargeRefunded(view, view.amountCents());

    assertEquals(Outcome.REFUNDED, apply(refunded));
    apply(StripeEventFixture.chargeRefunded(view, view.amountCents())); // Stripe's resend with a new event id

    Order order = order(view);
    assertEquals(OrderStatus.REFUNDED, order.status());
    order.tickets().forEach(t -> assertEquals(TicketStatus.VOID, t.status()));
    assertEquals(new TypeCounts(10, 10, 0, 0), fixture.counts(event, "Standard"));
    assertEquals(0, app.buyers().count(event.eventId(), PurchaseFixture.typeId(event, "Standard"), "u-dashboard"));
    fixture.assertInvariant(event);
  }

  @Test
  void partialRefundInStripeLeavesThePaidOrderAsItIs() {
    OrderView view = buy("u-partial", 2);
    apply(StripeEventFixture.succeeded(view));

    assertEquals(Outcome.NO_CHANGE, apply(StripeEventFixture.chargeRefunded(view, 100)));

    assertPaidWithTickets(view, 2);
  }

  @Test
  void succeededFailedAndCanceledInEveryOrderEndPaidWithOneSetOfTickets() {
    for (List<Integer> permutation : permutations(List.of(0, 1, 2))) {
      EventView own = fixture.event("small-event.json");
      OrderView view = app.purchases().purchase(buyer("u-perm"), claim(), request(own, "Standard", 2));
      List<String> bodies = List.of(StripeEventFixture.succeeded(view), StripeEventFixture.failed(view),
          StripeEventFixture.canceled(view));
      permutation.forEach(i -> apply(bodies.get(i)));
      bodies.forEach(this::apply); // and each delivered again

      Order order = order(view);
      assertEquals(OrderStatus.PAID, order.status(), "after " + permutation);
      assertEquals(2, order.tickets().size());
      assertEquals(new TypeCounts(10, 8, 0, 2), fixture.counts(own, "Standard"), "after " + permutation);
      fixture.assertInvariant(own);
    }
  }

  @Test
  void refundedAndSucceededInEitherOrderEndRefundedWithTheTicketsOnSale() {
    OrderView first = buy("u-refund-first", 2);
    apply(StripeEventFixture.chargeRefunded(first, first.amountCents()));
    apply(StripeEventFixture.succeeded(first));
    OrderView second = buy("u-refund-second", 2);
    apply(StripeEventFixture.succeeded(second));
    apply(StripeEventFixture.chargeRefunded(second, second.amountCents()));

    assertEquals(OrderStatus.REFUNDED, order(first).status());
    assertEquals(OrderStatus.REFUNDED, order(second).status());
    assertEquals(new TypeCounts(10, 10, 0, 0), fixture.counts(event, "Standard"));
    fixture.assertInvariant(event);
  }

  @Test
  void eventForNoKnownOrderFails() {
    OrderView view = new OrderView("no-such-order", event.eventId(), OrderStatus.PENDING_PAYMENT, List.of(), 100,
        "EUR", null, new Payment("stripe", "pi_unknown", null), null, null, List.of(), null);

    assertThrows(PaymentEventService.UnknownOrder.class, () -> apply(StripeEventFixture.succeeded(view)));
  }

  @Test
  void bodyThatIsNotAStripeEventFails() {
    assertThrows(IllegalArgumentException.class, () -> apply("{not json"));
  }

  private static List<List<Integer>> permutations(List<Integer> items) {
    if (items.isEmpty()) {
      return List.of(List.of());
    }
    List<List<Integer>> result = new ArrayList<>();
    for (Integer first : items) {
      List<Integer> rest = new ArrayList<>(items);
      rest.remove(first);
      for (List<Integer> tail : permutations(rest)) {
        List<Integer> permutation = new ArrayList<>(List.of(first));
        permutation.addAll(tail);
        result.add(permutation);
      }
    }
    return result;
  }
}
