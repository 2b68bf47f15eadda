package com.tickethub.orders;

import static com.tickethub.orders.PurchaseFixture.key;
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
 * again by SQS (or left to the sweep): one set of tickets, every ticket counted once. The order of 5 is split
 * over three shards of the type, so its settlement is several writes.
 */
class PaymentEventCrashTest {
  private static final long REMAINING = 1_000;
  /** Past the dead run's claim on the event id (its remaining time), so the redelivery takes it over. */
  private static final Duration CLAIM_LAPSES = Duration.ofSeconds(2);
  private static final Duration HOLD_LAPSES = Duration.ofMinutes(11);

  private final MutableClock clock = new MutableClock(Instant.parse("2027-01-01T00:00:00Z"));
  private final CrashAt crashes = new CrashAt();
  private final PurchaseTestComponent app = PurchaseTestComponent.create(clock, crashes, Map.of());
  private final PurchaseFixture fixture = new PurchaseFixture(app);
  private final EventView sharded = fixture.event("sharded-event.json");

  private OrderView buyFive() {
    return app.purchases().purchase(buyer("u-pay-crash"), key(), request(sharded, "Lawn", 5));
  }

  private void crashThenRedeliver(Checkpoint point, String body) {
    crashes.crash(point);
    assertThrows(CrashAt.Crash.class, () -> app.paymentEvents().apply(body, REMAINING));
    clock.advance(CLAIM_LAPSES);
    app.paymentEvents().apply(body, REMAINING);
  }

  private void assertPaidOnce(OrderView view) {
    Order order = app.orders().find(view.orderId()).orElseThrow();
    assertEquals(OrderStatus.PAID, order.status());
    assertEquals(5, app.tickets().findAll(order.ticketIds()).size());
    assertEquals(new TypeCounts(10, 5, 0, 5), fixture.counts(sharded, "Lawn"));
    fixture.assertInvariant(sharded);
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"ORDER_PAID", "TICKETS_ISSUED", "HOLD_COMMITTED"})
  void succeededEventCrashedThenRedeliveredPaysOnce(Checkpoint point) {
    OrderView view = buyFive();

    crashThenRedeliver(point, StripeEventFixture.succeeded(view));

    assertPaidOnce(view);
    clock.advance(HOLD_LAPSES);
    app.expiry().sweep();
    assertPaidOnce(view);
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"ORDER_PAID", "TICKETS_ISSUED", "HOLD_COMMITTED"})
  void succeededEventCrashedAndNeverRedeliveredIsFinishedBySweep(Checkpoint point) {
    OrderView view = buyFive();
    crashes.crash(point);
    assertThrows(CrashAt.Crash.class, () -> app.paymentEvents().apply(StripeEventFixture.succeeded(view), REMAINING));

    clock.advance(HOLD_LAPSES);
    app.expiry().sweep();

    assertPaidOnce(view);
  }

  @Test
  void orderReadBetweenPaidAndItsTicketsShowsTheTicketsWrittenSoFar() {
    OrderView view = buyFive();
    crashes.crash(Checkpoint.ORDER_PAID);
    assertThrows(CrashAt.Crash.class, () -> app.paymentEvents().apply(StripeEventFixture.succeeded(view), REMAINING));

    OrderView read = app.orderService().get(buyer("u-pay-crash"), view.orderId());

    assertEquals(OrderStatus.PAID, read.status());
    assertEquals(0, read.tickets().size());
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"LATE_HOLDS_TAKEN", "ORDER_PAID", "TICKETS_ISSUED", "HOLD_COMMITTED"})
  void latePaymentCrashedThenRedeliveredPaysOnce(Checkpoint point) {
    OrderView view = buyFive();
    clock.advance(HOLD_LAPSES);
    app.expiry().expire(view.orderId());

    crashThenRedeliver(point, StripeEventFixture.succeeded(view));

    assertPaidOnce(view);
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"ORDER_REFUNDED"})
  void dashboardRefundCrashedThenRedeliveredReturnsTheTicketsOnce(Checkpoint point) {
    OrderView view = buyFive();
    app.paymentEvents().apply(StripeEventFixture.succeeded(view), REMAINING);

    crashThenRedeliver(point, StripeEventFixture.chargeRefunded(view, view.amountCents()));

    Order order = app.orders().find(view.orderId()).orElseThrow();
    assertEquals(OrderStatus.REFUNDED, order.status());
    app.tickets().findAll(order.ticketIds()).forEach(t -> assertEquals(TicketStatus.VOID, t.status()));
    assertEquals(new TypeCounts(10, 10, 0, 0), fixture.counts(sharded, "Lawn"));
    fixture.assertInvariant(sharded);
  }
}
