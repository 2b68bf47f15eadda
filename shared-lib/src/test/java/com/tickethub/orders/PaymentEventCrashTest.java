package com.tickethub.orders;

import static com.tickethub.orders.PurchaseFixture.claim;
import static com.tickethub.orders.PurchaseFixture.request;
import static com.tickethub.testing.Requests.buyer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tickethub.events.EventView;
import com.tickethub.inventory.TypeCounts;
import com.tickethub.testing.MutableClock;
import com.tickethub.testing.PurchaseTestComponent;
import com.tickethub.tickets.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A payment event stopped between each pair of its writes, as a dying Lambda would stop it, then delivered
 * again by SQS, or never again (then the order's expiry message or the sweep finishes it): one set of tickets,
 * every ticket counted once. The order of 5 is split over three shards of the type, so its settlement is several
 * writes.
 */
class PaymentEventCrashTest {
  /** A redelivery comes a little later (the queue's visibility timeout). */
  private static final Duration CLAIM_LAPSES = Duration.ofSeconds(2);
  /** Past a dead worker's lease on a late payment or a refund, so the next one may take it over. */
  private static final Duration LEASE_LAPSES = Duration.ofMinutes(6);
  private static final Duration HOLD_LAPSES = Duration.ofMinutes(11);

  private final MutableClock clock = new MutableClock(Instant.parse("2027-01-01T00:00:00Z"));
  private final CrashAt crashes = new CrashAt();
  private final PurchaseTestComponent app = PurchaseTestComponent.create(clock, crashes, Map.of());
  private final PurchaseFixture fixture = new PurchaseFixture(app);
  private final EventView sharded = fixture.event("sharded-event.json");

  private OrderView buyFive() {
    return app.purchases().purchase(buyer("u-pay-crash"), claim(), request(sharded, "Lawn", 5));
  }

  private void crash(Checkpoint point, String body) {
    crashes.crash(point);
    assertThrows(CrashAt.Crash.class, () -> app.paymentEvents().apply(body));
  }

  private void crashThenRedeliver(Checkpoint point, String body, Duration lapse) {
    crash(point, body);
    clock.advance(lapse);
    app.paymentEvents().apply(body);
  }

  private void assertPaidOnce(OrderView view) {
    Order order = app.orders().find(view.orderId()).orElseThrow();
    assertEquals(OrderStatus.PAID, order.status());
    assertEquals(5, order.tickets().size());
    assertEquals(new TypeCounts(10, 5, 0, 5), fixture.counts(sharded, "Lawn"));
    fixture.assertInvariant(sharded);
  }

  private void assertRefundedAndBack(OrderView view) {
    Order order = app.orders().find(view.orderId()).orElseThrow();
    assertEquals(OrderStatus.REFUNDED, order.status());
    order.tickets().forEach(t -> assertEquals(TicketStatus.VOID, t.status()));
    assertEquals(new TypeCounts(10, 10, 0, 0), fixture.counts(sharded, "Lawn"));
    fixture.assertInvariant(sharded);
  }

  private void expire(OrderView view) {
    clock.advance(HOLD_LAPSES);
    fixture.timePassed(clock.instant());
    assertEquals(OrderStatus.EXPIRED, app.orders().find(view.orderId()).orElseThrow().status());
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"ORDER_PAID", "HOLD_COMMITTED"})
  void succeededEventCrashedThenRedeliveredPaysOnce(Checkpoint point) {
    OrderView view = buyFive();

    crashThenRedeliver(point, StripeEventFixture.succeeded(view), CLAIM_LAPSES);

    assertPaidOnce(view);
    clock.advance(HOLD_LAPSES);
    fixture.timePassed(clock.instant());
    assertPaidOnce(view);
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"ORDER_PAID", "HOLD_COMMITTED"})
  void succeededEventCrashedAndNeverRedeliveredIsFinishedByTheExpiryMessage(Checkpoint point) {
    OrderView view = buyFive();
    crash(point, StripeEventFixture.succeeded(view));

    clock.advance(HOLD_LAPSES);
    fixture.timePassed(clock.instant());

    assertPaidOnce(view);
  }

  @Test
  void orderReadRightAfterItBecamePaidHasAllItsTickets() {
    OrderView view = buyFive();
    crash(Checkpoint.ORDER_PAID, StripeEventFixture.succeeded(view));

    OrderView read = app.orderService().get(buyer("u-pay-crash"), view.orderId());

    assertEquals(OrderStatus.PAID, read.status());
    assertEquals(5, read.tickets().size());
    read.tickets().forEach(t -> assertEquals(TicketStatus.ISSUED, t.status()));
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"RETAKE_STARTED", "LATE_HOLDS_TAKEN", "ORDER_PAID", "HOLD_COMMITTED"})
  void latePaymentCrashedThenRedeliveredPaysOnce(Checkpoint point) {
    OrderView view = buyFive();
    expire(view);

    crashThenRedeliver(point, StripeEventFixture.succeeded(view), LEASE_LAPSES);

    assertPaidOnce(view);
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"RETAKE_STARTED", "LATE_HOLDS_TAKEN", "ORDER_PAID", "HOLD_COMMITTED"})
  void latePaymentCrashedAndNeverRedeliveredIsFinishedByTheSweepOrTheExpiryMessage(Checkpoint point) {
    OrderView view = buyFive();
    expire(view);
    crash(point, StripeEventFixture.succeeded(view));

    clock.advance(LEASE_LAPSES);
    fixture.timePassed(clock.instant());

    assertPaidOnce(view);
  }

  @Test
  void latePaymentRedeliveredWhileItsFirstRunHoldsTheLeaseIsRetriedLater() {
    OrderView view = buyFive();
    expire(view);
    crash(Checkpoint.LATE_HOLDS_TAKEN, StripeEventFixture.succeeded(view));
    clock.advance(CLAIM_LAPSES);

    assertThrows(IllegalStateException.class,
        () -> app.paymentEvents().apply(StripeEventFixture.succeeded(view)));

    clock.advance(LEASE_LAPSES);
    app.paymentEvents().apply(StripeEventFixture.succeeded(view));
    assertPaidOnce(view);
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"REFUND_STARTED", "HOLD_COMMITTED", "MONEY_REFUNDED",
      "STOCK_GIVEN_BACK"})
  void dashboardRefundCrashedThenRedeliveredReturnsTheTicketsOnce(Checkpoint point) {
    OrderView view = buyFive();
    app.paymentEvents().apply(StripeEventFixture.succeeded(view));

    crashThenRedeliver(point, StripeEventFixture.chargeRefunded(view, view.amountCents()), CLAIM_LAPSES);

    assertRefundedAndBack(view);
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"REFUND_STARTED", "MONEY_REFUNDED", "STOCK_GIVEN_BACK"})
  void dashboardRefundCrashedAndNeverRedeliveredIsFinishedByTheSweep(Checkpoint point) {
    OrderView view = buyFive();
    app.paymentEvents().apply(StripeEventFixture.succeeded(view));
    crash(point, StripeEventFixture.chargeRefunded(view, view.amountCents()));

    clock.advance(LEASE_LAPSES);
    app.expiry().sweep();

    assertRefundedAndBack(view);
  }
}
