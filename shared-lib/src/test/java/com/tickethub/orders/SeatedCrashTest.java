package com.tickethub.orders;

import static com.tickethub.orders.PurchaseFixture.claim;
import static com.tickethub.orders.PurchaseFixture.key;
import static com.tickethub.testing.Requests.buyer;
import static com.tickethub.testing.Requests.organizer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.tickethub.auth.Caller;
import com.tickethub.http.Json;
import com.tickethub.testing.MutableClock;
import com.tickethub.testing.PurchaseTestComponent;
import com.tickethub.tickets.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A seated order's flows stopped between each pair of their writes, as a dying Lambda stops them, then retried
 * (the purchase with its Idempotency-Key, a payment event by SQS), or left alone until the expiry message or the
 * sweep comes: every seat ends exactly where the order's state says, held or sold once, or free.
 */
class SeatedCrashTest {
  private static final Duration CLAIM_LAPSES = Duration.ofSeconds(31);
  private static final Duration LEASE_LAPSES = Duration.ofMinutes(6);
  private static final Duration HOLD_LAPSES = Duration.ofMinutes(11);
  private static final List<String> CHOSEN = List.of("A-3-5", "A-3-6", "B-1-2");

  private final MutableClock clock = new MutableClock(Instant.parse("2027-01-01T00:00:00Z"));
  private final CrashAt crashes = new CrashAt();
  private final PurchaseTestComponent app = PurchaseTestComponent.create(clock, crashes, Map.of());
  private final PurchaseFixture fixture = new PurchaseFixture(app);
  private final SeatedOrders hall = SeatedOrders.smallHall(app);
  private final Caller buyer = buyer("u-seat-crash");

  /** Two rows of Stalls and one of Balcony: the take and the sale are several writes. */
  private String chosenBody() {
    return Json.write(hall.request(hall.seats("Stalls", "A-3-5", "A-3-6"), hall.seats("Balcony", "B-1-2")));
  }

  private String bestBody() {
    return Json.write(hall.request(hall.best("Stalls", 3, true, 0), hall.best("Balcony", 2, true, 0)));
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"EXPIRY_SCHEDULED", "HOLDS_TAKEN", "INTENT_CREATED", "ORDER_WRITTEN",
      "RESPONSE_STORED"})
  void chosenSeatsPurchaseCrashedThenRetriedIsOneOrderHoldingThem(Checkpoint point) {
    OrderView order = crashThenRetry(point, chosenBody());

    assertEquals(CHOSEN, seats(order));
    assertEquals("FFFFHHFFFFFF", hall.states("A", "3"));
    assertEquals("FHFFFFFFFFF", hall.states("B", "1"));
    hall.assertSeatsMatchOrders();
    expireAndAssertAllFree(Optional.of(order.orderId()));
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"EXPIRY_SCHEDULED", "HOLDS_TAKEN", "INTENT_CREATED", "ORDER_WRITTEN",
      "RESPONSE_STORED"})
  void bestAvailablePurchaseCrashedThenRetriedReFindsItsSeatsInsteadOfTakingMore(Checkpoint point) {
    OrderView order = crashThenRetry(point, bestBody());

    assertEquals(5, seats(order).size());
    assertEquals(3, hall.counts("Stalls").held(), "the retry holds the seats the dead attempt took, no more");
    assertEquals(2, hall.counts("Balcony").held());
    hall.assertSeatsMatchOrders();
    expireAndAssertAllFree(Optional.of(order.orderId()));
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"EXPIRY_SCHEDULED", "HOLDS_TAKEN", "INTENT_CREATED", "ORDER_WRITTEN",
      "RESPONSE_STORED"})
  void purchaseCrashedAndAbandonedGivesItsSeatsBackAtExpiry(Checkpoint point) {
    crashes.crash(point);
    assertThrows(CrashAt.Crash.class, () -> fixture.post(buyer, key(), bestBody()));

    Optional<String> written = app.orders().find(firstOrderId()).map(Order::orderId);
    assertEquals(point.compareTo(Checkpoint.ORDER_WRITTEN) >= 0, written.isPresent());
    expireAndAssertAllFree(written);
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"ORDER_PAID", "HOLD_COMMITTED"})
  void paymentCrashedThenRedeliveredSellsTheSeatsOnce(Checkpoint point) {
    OrderView order = buy();

    crashThenRedeliver(point, StripeEventFixture.succeeded(order), CLAIM_LAPSES);

    assertPaid(order);
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"ORDER_PAID", "HOLD_COMMITTED"})
  void paymentCrashedAndNeverRedeliveredIsFinishedByTheExpiryMessage(Checkpoint point) {
    OrderView order = buy();
    crash(point, StripeEventFixture.succeeded(order));

    clock.advance(HOLD_LAPSES);
    fixture.timePassed(clock.instant());

    assertPaid(order);
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"RETAKE_STARTED", "LATE_HOLDS_TAKEN", "ORDER_PAID", "HOLD_COMMITTED"})
  void latePaymentCrashedThenRedeliveredSellsTheSameSeatsOnce(Checkpoint point) {
    OrderView order = buy();
    expire();

    crashThenRedeliver(point, StripeEventFixture.succeeded(order), LEASE_LAPSES);

    assertPaid(order);
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"RETAKE_STARTED", "LATE_HOLDS_TAKEN", "ORDER_PAID", "HOLD_COMMITTED"})
  void latePaymentCrashedAndNeverRedeliveredIsFinishedByTheSweep(Checkpoint point) {
    OrderView order = buy();
    expire();
    crash(point, StripeEventFixture.succeeded(order));

    clock.advance(LEASE_LAPSES);
    fixture.timePassed(clock.instant());

    assertPaid(order);
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"REFUND_STARTED", "MONEY_REFUNDED", "STOCK_GIVEN_BACK"})
  void refundCrashedThenRepeatedReturnsTheSeatsOnce(Checkpoint point) {
    OrderView order = buy();
    app.paymentEvents().apply(StripeEventFixture.succeeded(order));
    crashes.crash(point);
    assertThrows(CrashAt.Crash.class, () -> app.orderService().refund(organizer("org-seated"), order.orderId()));
    OrderView other = hall.buy("u-other", hall.seats("Stalls", "A-3-7"));

    clock.advance(LEASE_LAPSES);
    app.orderService().refund(organizer("org-seated"), order.orderId());
    app.expiry().sweep();

    Order refunded = app.orders().find(order.orderId()).orElseThrow();
    assertEquals(OrderStatus.REFUNDED, refunded.status());
    refunded.tickets().forEach(t -> assertEquals(TicketStatus.VOID, t.status()));
    assertEquals("FFFFFFHFFFFF", hall.states("A", "3"), "the refund's seats are back; the other order keeps A-3-7");
    assertEquals(List.of("A-3-7"), seats(other));
    hall.assertSeatsMatchOrders();
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"REFUND_STARTED", "HOLD_COMMITTED", "MONEY_REFUNDED",
      "STOCK_GIVEN_BACK"})
  void dashboardRefundCrashedThenRedeliveredReturnsTheSeatsOnce(Checkpoint point) {
    OrderView order = buy();
    app.paymentEvents().apply(StripeEventFixture.succeeded(order));

    crashThenRedeliver(point, StripeEventFixture.chargeRefunded(order, order.amountCents()), CLAIM_LAPSES);

    assertEquals(OrderStatus.REFUNDED, app.orders().find(order.orderId()).orElseThrow().status());
    assertAllFree();
  }

  @org.junit.jupiter.api.Test
  void expiryCrashedAfterTheOrderEndedGivesTheSeatsBackWhenSqsDeliversTheMessageAgain() {
    OrderView order = buy();
    clock.advance(HOLD_LAPSES);
    crashes.crash(Checkpoint.ORDER_ENDED);
    assertThrows(CrashAt.Crash.class, () -> fixture.timePassed(clock.instant()));

    ExpiryMessage message = app.dueQueue().messages().get(0);
    app.expiryQueue().schedule(message, clock.instant(), clock.instant()); // SQS: the message was not deleted
    fixture.timePassed(clock.instant());

    assertEquals(OrderStatus.EXPIRED, app.orders().find(order.orderId()).orElseThrow().status());
    assertAllFree();
  }

  @org.junit.jupiter.api.Test
  void cancelCrashedAfterTheOrderEndedGivesTheSeatsBackWhenTheBuyerCancelsAgain() {
    OrderView order = buy();
    crashes.crash(Checkpoint.ORDER_ENDED);
    assertThrows(CrashAt.Crash.class, () -> app.orderService().cancel(buyer, order.orderId()));

    app.orderService().cancel(buyer, order.orderId());

    assertEquals(OrderStatus.CANCELLED, app.orders().find(order.orderId()).orElseThrow().status());
    assertAllFree();
  }

  private OrderView buy() {
    return app.purchases().purchase(buyer, claim(),
        hall.request(hall.seats("Stalls", "A-3-5", "A-3-6"), hall.seats("Balcony", "B-1-2")));
  }

  private OrderView crashThenRetry(Checkpoint point, String body) {
    String key = key();
    crashes.crash(point);
    assertThrows(CrashAt.Crash.class, () -> fixture.post(buyer, key, body));
    clock.advance(CLAIM_LAPSES);
    APIGatewayV2HTTPResponse retried = fixture.post(buyer, key, body);
    assertEquals(201, retried.getStatusCode(), retried.getBody());
    OrderView order = Json.read(retried.getBody(), OrderView.class);
    assertEquals(firstOrderId(), order.orderId());
    return order;
  }

  private void crash(Checkpoint point, String event) {
    crashes.crash(point);
    assertThrows(CrashAt.Crash.class, () -> app.paymentEvents().apply(event));
  }

  private void crashThenRedeliver(Checkpoint point, String event, Duration lapse) {
    crash(point, event);
    clock.advance(lapse);
    app.paymentEvents().apply(event);
  }

  private void expire() {
    clock.advance(HOLD_LAPSES);
    fixture.timePassed(clock.instant());
    assertAllFree();
  }

  private void expireAndAssertAllFree(Optional<String> orderId) {
    clock.advance(HOLD_LAPSES);
    fixture.timePassed(clock.instant());
    orderId.ifPresent(id -> assertEquals(OrderStatus.EXPIRED, app.orders().find(id).orElseThrow().status()));
    assertAllFree();
  }

  private void assertPaid(OrderView view) {
    Order order = app.orders().find(view.orderId()).orElseThrow();
    assertEquals(OrderStatus.PAID, order.status());
    assertEquals(3, order.tickets().size());
    assertEquals("FFFFSSFFFFFF", hall.states("A", "3"));
    assertEquals("FSFFFFFFFFF", hall.states("B", "1"));
    hall.assertSoldTo(view.orderId());
    hall.assertSeatsMatchOrders();
  }

  private void assertAllFree() {
    assertEquals("F".repeat(12), hall.states("A", "3"));
    assertEquals("F".repeat(11), hall.states("B", "1"));
    hall.assertSeatsMatchOrders();
  }

  private static List<String> seats(OrderView order) {
    return order.items().stream().flatMap(i -> i.seats().stream()).sorted().toList();
  }

  /** The order id of the first attempt: its expiry message is the first thing it sends. */
  private String firstOrderId() {
    return app.dueQueue().messages().get(0).orderId();
  }
}
