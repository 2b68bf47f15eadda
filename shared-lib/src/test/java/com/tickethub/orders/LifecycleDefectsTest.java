package com.tickethub.orders;

import static com.tickethub.orders.PurchaseFixture.claim;
import static com.tickethub.orders.PurchaseFixture.request;
import static com.tickethub.testing.Requests.buyer;
import static com.tickethub.testing.Requests.organizer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.errors.Conflict;
import com.tickethub.events.EventView;
import com.tickethub.http.Json;
import com.tickethub.inventory.InventoryRepository.GiveBack;
import com.tickethub.inventory.TypeCounts;
import com.tickethub.testing.MutableClock;
import com.tickethub.testing.PurchaseTestComponent;
import com.tickethub.tickets.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The four defects of issue 8, each pinned at the service level in the interleaving that produced it (the
 * end-to-end races of the local server's LifecycleRacesEndToEndTest produce them with real concurrency).
 */
class LifecycleDefectsTest {
  private static final long REMAINING = 30_000;

  private final MutableClock clock = new MutableClock(Instant.parse("2027-01-01T00:00:00Z"));
  /** Runs a step of another actor at a checkpoint of the flow under test, as a racing request would. */
  private final Interleave interleave = new Interleave();
  private final PurchaseTestComponent app = PurchaseTestComponent.create(clock, interleave, Map.of());
  private final PurchaseFixture fixture = new PurchaseFixture(app);
  private final EventView event = fixture.event("small-event.json");

  private static final class Interleave implements Checkpoints {
    private volatile Checkpoint at;
    private volatile Runnable step;

    void at(Checkpoint point, Runnable racing) {
      this.at = point;
      this.step = racing;
    }

    @Override
    public void reached(Checkpoint point) {
      if (point == at) {
        at = null;
        step.run();
      }
    }
  }

  private OrderView buy(String buyer, int quantity) {
    return app.purchases().purchase(buyer(buyer), claim(), request(event, "Standard", quantity));
  }

  private Order order(OrderView view) {
    return app.orders().find(view.orderId()).orElseThrow();
  }

  private void pay(OrderView view) {
    app.paymentEvents().apply(StripeEventFixture.succeeded(view), REMAINING);
  }

  @Test
  void checkInThatWinsAgainstARefundLeavesTheOrderPaidWithNoVoidTicket() {
    OrderView view = buy("u-race-scan", 4);
    pay(view);
    app.orders().checkIn(view.orderId(), 3, event.eventId(), clock.instant(), "North");

    assertThrows(Conflict.class, () -> app.orderService().refund(organizer(PurchaseFixture.ORGANIZER), view.orderId()));

    Order order = order(view);
    assertEquals(OrderStatus.PAID, order.status());
    assertEquals(List.of(TicketStatus.ISSUED, TicketStatus.ISSUED, TicketStatus.ISSUED, TicketStatus.CHECKED_IN),
        order.tickets().stream().map(t -> t.status()).toList());
    assertEquals(new TypeCounts(10, 6, 0, 4), fixture.counts(event, "Standard"));
  }

  @Test
  void refundThatWinsAgainstACheckInVoidsEveryTicketAndRefusesTheScan() {
    OrderView view = buy("u-race-refund", 4);
    pay(view);

    app.orderService().refund(organizer(PurchaseFixture.ORGANIZER), view.orderId());

    assertTrue(app.orders().checkIn(view.orderId(), 3, event.eventId(), clock.instant(), "North").isEmpty());
    Order order = order(view);
    assertEquals(OrderStatus.REFUNDED, order.status());
    order.tickets().forEach(t -> assertEquals(TicketStatus.VOID, t.status()));
    assertEquals(new TypeCounts(10, 10, 0, 0), fixture.counts(event, "Standard"));
  }

  @Test
  void repeatedCancelDuringALatePaymentNeverReleasesTheHoldItTookAgain() {
    OrderView view = buy("u-late-cancel", 2);
    app.orderService().cancel(buyer("u-late-cancel"), view.orderId());
    String dueMessage = Json.write(ExpiryMessage.hold(order(view)));
    interleave.at(Checkpoint.LATE_HOLDS_TAKEN, () -> {
      try {
        app.orderService().cancel(buyer("u-late-cancel"), view.orderId()); // the buyer repeats the cancel
      } catch (Conflict paidMeanwhile) {
        // its answer does not matter here: what it may still do to the stock does
      }
      app.expiry().handle(dueMessage); // and a duplicate expiry message arrives
    });

    pay(view);

    assertEquals(OrderStatus.PAID, order(view).status());
    assertEquals(2, order(view).tickets().size());
    assertEquals(new TypeCounts(10, 8, 0, 2), fixture.counts(event, "Standard"));
    fixture.assertInvariant(event);
  }

  @Test
  void duplicateExpiryMessageDuringALatePaymentNeverReleasesTheHoldItTookAgain() {
    OrderView view = buy("u-late-expiry", 2);
    clock.advance(Duration.ofMinutes(11));
    fixture.timePassed(clock.instant());
    assertEquals(OrderStatus.EXPIRED, order(view).status());
    String dueMessage = Json.write(ExpiryMessage.hold(order(view)));
    interleave.at(Checkpoint.LATE_HOLDS_TAKEN, () -> app.expiry().handle(dueMessage));

    pay(view);

    assertEquals(OrderStatus.PAID, order(view).status());
    assertEquals(new TypeCounts(10, 8, 0, 2), fixture.counts(event, "Standard"));
    fixture.assertInvariant(event);
  }

  @Test
  void expiryMessageThatReadTheOrderBeforeALatePaymentNeverReleasesTheHoldItTookAgain() {
    // Found by spin (model/lifecycle.pml, -DRELEASE_NEWER_GEN): the message reads the order EXPIRED, a late
    // payment takes the tickets again under the next generation, then the message finds the order's entries.
    OrderView view = buy("u-stale-expiry", 2);
    clock.advance(Duration.ofMinutes(11));
    fixture.timePassed(clock.instant());
    Order readBeforeThePayment = order(view);
    interleave.at(Checkpoint.LATE_HOLDS_TAKEN, () -> app.stock().reconcile(Optional.of(readBeforeThePayment),
        readBeforeThePayment.eventId(), readBeforeThePayment.buyerId(), readBeforeThePayment.orderId()));

    pay(view);

    assertEquals(OrderStatus.PAID, order(view).status());
    assertEquals(new TypeCounts(10, 8, 0, 2), fixture.counts(event, "Standard"));
    fixture.assertInvariant(event);
  }

  @Test
  void orderIsNeverReadPaidWithFewerThanAllItsTickets() {
    OrderView view = buy("u-read-paid", 4);
    List<OrderView> seen = new ArrayList<>();
    interleave.at(Checkpoint.ORDER_PAID, () -> seen.add(app.orderService().get(buyer("u-read-paid"), view.orderId())));

    pay(view);

    assertEquals(OrderStatus.PAID, seen.get(0).status());
    assertEquals(4, seen.get(0).tickets().size());
  }

  @Test
  void refundsLeaveNoMarkerOnTheStockOnceTheirPruneRan() {
    List<OrderView> orders = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      OrderView view = buy("u-markers-" + i, 2);
      pay(view);
      app.orderService().refund(organizer(PurchaseFixture.ORGANIZER), view.orderId());
      orders.add(view);
    }
    assertEquals(5, returnsMarkers());

    clock.advance(Duration.ofMinutes(11));
    fixture.timePassed(clock.instant());

    assertEquals(0, returnsMarkers());
    assertEquals(new TypeCounts(10, 10, 0, 0), fixture.counts(event, "Standard"));
    orders.forEach(view -> assertEquals(OrderStatus.REFUNDED, order(view).status()));
  }

  @Test
  void finisherThatReadTheOrderBeforeThePruneIsFencedAndGivesNothingBackTwice() {
    OrderView view = buy("u-fenced", 2);
    pay(view);
    Instant staleRead = clock.instant();
    app.orderService().refund(organizer(PurchaseFixture.ORGANIZER), view.orderId());
    clock.advance(Duration.ofMinutes(11));
    fixture.timePassed(clock.instant());
    Order refunded = order(view);
    OrderItem item = refunded.items().get(0);

    GiveBack again = app.inventory().giveBack(event.eventId(), item.ticketTypeId(),
        item.allocations().get(0).shard(), view.orderId(), 2, staleRead, clock.instant());

    assertEquals(GiveBack.FENCED, again);
    assertEquals(new TypeCounts(10, 10, 0, 0), fixture.counts(event, "Standard"));
  }

  @Test
  void orderHistoryRecordsPaymentsFailuresAndTheRefundWithWhoAndStripeIds() {
    OrderView view = buy("u-history", 1);
    app.paymentEvents().apply(StripeEventFixture.failed(view), REMAINING);
    pay(view);
    app.orderService().refund(organizer(PurchaseFixture.ORGANIZER), view.orderId());

    List<HistoryEntry> history = app.orderService().get(buyer("u-history"), view.orderId()).history();

    assertEquals(List.of(HistoryEntry.Type.PAYMENT_FAILED, HistoryEntry.Type.PAYMENT_SUCCEEDED,
        HistoryEntry.Type.REFUND_REQUESTED, HistoryEntry.Type.REFUNDED), history.stream().map(HistoryEntry::type).toList());
    assertEquals("Your card was declined.", history.get(0).detail());
    assertEquals(view.payment().paymentIntentId(), history.get(1).paymentIntentId());
    assertEquals(view.amountCents(), history.get(1).amountCents());
    assertEquals(PurchaseFixture.ORGANIZER, history.get(2).by());
    assertTrue(history.get(3).refundId().startsWith("re_"), history.get(3).toString());
  }

  /** Entries of the {@code returned} maps of the event's stock shards. */
  private int returnsMarkers() {
    return fixture.shards(event).stream()
        .mapToInt(shard -> shard.getOrDefault("returned", AttributeValue.fromM(Map.of())).m().size()).sum();
  }
}
