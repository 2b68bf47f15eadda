package com.tickethub.orders;

import static com.tickethub.orders.PurchaseFixture.claim;
import static com.tickethub.orders.PurchaseFixture.request;
import static com.tickethub.testing.Requests.buyer;
import static com.tickethub.testing.Requests.organizer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.errors.Forbidden;
import com.tickethub.errors.LimitExceeded;
import com.tickethub.errors.NotFound;
import com.tickethub.errors.SalesClosed;
import com.tickethub.errors.SoldOut;
import com.tickethub.events.EventView;
import com.tickethub.inventory.TypeCounts;
import com.tickethub.testing.MutableClock;
import com.tickethub.testing.PurchaseTestComponent;
import com.tickethub.tickets.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PurchaseRulesTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2027-01-01T00:00:00Z"));
  private final PurchaseTestComponent app = PurchaseTestComponent.create(clock);
  private final PurchaseFixture fixture = new PurchaseFixture(app);
  private final EventView event = fixture.event("small-event.json");

  @Test
  void purchaseHoldsTheTicketsAndStartsPayment() {
    OrderView order = app.purchases().purchase(buyer("u-hold"), claim(), request(event, "Standard", 3));

    assertEquals(OrderStatus.PENDING_PAYMENT, order.status());
    assertEquals(7500, order.amountCents());
    assertEquals("EUR", order.currency());
    assertEquals(clock.instant().plus(Duration.ofMinutes(10)), order.expiresAt());
    assertEquals("stripe", order.payment().provider());
    assertTrue(order.payment().paymentIntentId().startsWith("pi_local_"));
    assertNotNull(order.payment().clientSecret());
    assertNull(order.tickets());
    assertEquals(new TypeCounts(10, 7, 3, 0), fixture.counts(event, "Standard"));
    fixture.assertInvariant(event);
  }

  @Test
  void orderIsFoundByItsPaymentIntent() {
    OrderView order = app.purchases().purchase(buyer("u-intent"), claim(), request(event, "Standard", 1));

    assertEquals(order.orderId(),
        app.orders().findByPaymentIntent(order.payment().paymentIntentId()).orElseThrow().orderId());
  }

  @Test
  void buyerCapCountsAcrossOrders() {
    app.purchases().purchase(buyer("u-cap"), claim(), request(event, "Standard", 3));

    assertThrows(LimitExceeded.class,
        () -> app.purchases().purchase(buyer("u-cap"), claim(), request(event, "Standard", 3)));
    app.purchases().purchase(buyer("u-cap"), claim(), request(event, "Standard", 2));
    assertEquals(5, app.buyers().count(event.eventId(), PurchaseFixture.typeId(event, "Standard"), "u-cap"));
    assertEquals(new TypeCounts(10, 5, 5, 0), fixture.counts(event, "Standard"));
  }

  @Test
  void buyerCapComesBackWhenAnOrderExpires() {
    app.purchases().purchase(buyer("u-cap2"), claim(), request(event, "Standard", 4));
    clock.advance(Duration.ofMinutes(11));
    app.expiry().sweep();

    app.purchases().purchase(buyer("u-cap2"), claim(), request(event, "Standard", 4));

    assertEquals(4, app.buyers().count(event.eventId(), PurchaseFixture.typeId(event, "Standard"), "u-cap2"));
  }

  @Test
  void moreThanMaxPerOrderIsRefusedWithoutTakingAnything() {
    assertThrows(LimitExceeded.class,
        () -> app.purchases().purchase(buyer("u-many"), claim(), request(event, "Standard", 5)));
    assertEquals(new TypeCounts(10, 10, 0, 0), fixture.counts(event, "Standard"));
    assertEquals(0, fixture.otherItems(event).size());
  }

  @Test
  void typeWhoseSalesEndedIsClosed() {
    assertThrows(SalesClosed.class,
        () -> app.purchases().purchase(buyer("u-late"), claim(), request(event, "Early bird", 1)));
  }

  @Test
  void typeWhoseSalesHaveNotStartedIsClosed() {
    assertThrows(SalesClosed.class,
        () -> app.purchases().purchase(buyer("u-early"), claim(), request(event, "Late release", 1)));
  }

  @Test
  void orderIsAllOrNothingAcrossTypes() {
    app.purchases().purchase(buyer("u-a"), claim(), request(event, "Guest list", 2));
    app.purchases().purchase(buyer("u-b"), claim(), request(event, "Guest list", 2));

    SoldOut soldOut = assertThrows(SoldOut.class, () -> app.purchases().purchase(buyer("u-c"), claim(),
        request(event, "Standard", 2, "Guest list", 2)));

    assertEquals(Map.of(PurchaseFixture.typeId(event, "Standard"), 10L,
        PurchaseFixture.typeId(event, "Guest list"), 1L), soldOut.available());
    assertEquals(new TypeCounts(10, 10, 0, 0), fixture.counts(event, "Standard"));
    assertEquals(0, app.buyers().count(event.eventId(), PurchaseFixture.typeId(event, "Standard"), "u-c"));
    fixture.assertInvariant(event);
  }

  @Test
  void freeOrderIsPaidAtOnceWithItsTickets() {
    OrderView order = app.purchases().purchase(buyer("u-free"), claim(), request(event, "Guest list", 2));

    assertEquals(OrderStatus.PAID, order.status());
    assertEquals(0, order.amountCents());
    assertNull(order.payment());
    assertNull(order.expiresAt());
    assertEquals(2, order.tickets().size());
    assertEquals(new TypeCounts(5, 3, 0, 2), fixture.counts(event, "Guest list"));
    OrderView read = app.orderService().get(buyer("u-free"), order.orderId());
    assertEquals(order.tickets(), read.tickets());
    read.tickets().forEach(t -> assertEquals(TicketStatus.ISSUED, t.status()));
    app.orders().find(order.orderId()).orElseThrow().tickets().forEach(t -> assertEquals("u-free", t.holderId()));
  }

  @Test
  void orderIsVisibleToItsBuyerAndTheOrganizerOnlyAndForbiddenToOtherOrganizers() {
    OrderView order = app.purchases().purchase(buyer("u-see"), claim(), request(event, "Standard", 1));

    assertEquals(order.payment(), app.orderService().get(buyer("u-see"), order.orderId()).payment());
    OrderView organizerView = app.orderService().get(organizer(PurchaseFixture.ORGANIZER), order.orderId());
    assertNull(organizerView.payment().clientSecret());
    assertThrows(NotFound.class, () -> app.orderService().get(buyer("u-other"), order.orderId()));
    assertThrows(Forbidden.class, () -> app.orderService().get(organizer("org-other"), order.orderId()));
    assertThrows(NotFound.class, () -> app.orderService().get(buyer("u-see"), "no-such-order"));
  }
}
