package com.tickethub.orders;

import static com.tickethub.testing.Requests.buyer;
import static com.tickethub.testing.Requests.organizer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tickethub.errors.InvalidRequest;
import com.tickethub.errors.SeatsUnavailable;
import com.tickethub.errors.SoldOut;
import com.tickethub.inventory.TypeCounts;
import com.tickethub.seats.SeatCounts;
import com.tickethub.seats.SeatView;
import com.tickethub.testing.MutableClock;
import com.tickethub.testing.PurchaseTestComponent;
import com.tickethub.tickets.Ticket;
import com.tickethub.tickets.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seats through the order life-cycle, in the small hall (focus at x = 100, in front of row A-1, whose seats 5 and 6
 * are at x = 90 and 110): chosen seats and best available, payment, expiry, cancel, refund and late payment act on
 * exactly the order's seats.
 */
class SeatedPurchaseTest {
  private static final Duration HOLD_LAPSES = Duration.ofMinutes(11);

  private final MutableClock clock = new MutableClock(Instant.parse("2027-01-01T00:00:00Z"));
  private final PurchaseTestComponent app = PurchaseTestComponent.create(clock);
  private final SeatedOrders hall = SeatedOrders.smallHall(app);

  @Test
  void chosenSeatsAreHeldForTheOrderAndNamedOnIt() {
    OrderView order = hall.buy("u-1", hall.seats("Stalls", "A-1-5", "A-1-4"));

    assertEquals(OrderStatus.PENDING_PAYMENT, order.status());
    assertEquals(List.of("A-1-4", "A-1-5"), order.items().get(0).seats());
    assertEquals(2, order.items().get(0).quantity());
    assertEquals(7000, order.amountCents());
    assertEquals("FFFHHFFFFF", hall.states("A", "1"));
    hall.assertSeatsMatchOrders();
  }

  @Test
  void bestAvailableHoldsTheAdjacentSeatsNearestTheStage() {
    OrderView order = hall.buy("u-1", hall.best("Stalls", 2, true, 0));

    assertEquals(List.of("A-1-5", "A-1-6"), order.items().get(0).seats());
    assertEquals(List.of("A-1-4", "A-1-7"), hall.buy("u-2", hall.best("Stalls", 2, false, 0)).items().get(0).seats());
    hall.assertSeatsMatchOrders();
  }

  @Test
  void bestAvailableWithAnAccessibleSeatTakesOneAmongThem() {
    OrderView order = hall.buy("u-1", hall.best("Stalls", 2, true, 1));

    assertEquals(List.of("A-1-1", "A-1-2"), order.items().get(0).seats());
  }

  @Test
  void takenSeatIsRefusedNamingItAndTheWholeOrderHoldsNothing() {
    hall.buy("u-1", hall.seats("Stalls", "A-1-5"));

    SeatsUnavailable refused = assertThrows(SeatsUnavailable.class,
        () -> hall.buy("u-2", hall.standing(2), hall.seats("Stalls", "A-1-4", "A-1-5", "A-3-1")));

    assertEquals(List.of("A-1-5"), refused.seats());
    assertEquals("FFFFHFFFFF", hall.states("A", "1"));
    assertEquals("F".repeat(12), hall.states("A", "3"));
    assertEquals(new TypeCounts(50, 50, 0, 0), app.inventory().counts(hall.event.eventId()).get(hall.typeId("Standing")));
    hall.assertSeatsMatchOrders();
  }

  @Test
  void seatsThatAreNotTheTypesOrDoNotExistAreInvalidNamingThem() {
    assertEquals("items[0].seats[1]", field(hall.seats("Stalls", "A-1-1", "B-1-1")));
    assertEquals("items[0].seats[0]", field(hall.seats("Stalls", "A-2-5")));
    assertEquals("items[0].seats[0]", field(hall.seats("Stalls", "Z-1-1")));
    assertEquals("items[0].seats[0]", field(hall.seats("Stalls", "A-1-11")));
    assertEquals("items[0].seats", field(new PurchaseItem(hall.typeId("Standing"), null, List.of("A-1-1"), null, null)));
    assertEquals("F".repeat(10), hall.states("A", "1"));
  }

  @Test
  void badSeatFieldsAreInvalidNamingThem() {
    assertEquals("items[0].seats[1]", bodyField("\"seats\": [\"A-1-1\", \"A-1-1\"]"));
    assertEquals("items[0].seats[0]", bodyField("\"seats\": [\"A-1\"]"));
    assertEquals("items[0].seats[0]", bodyField("\"seats\": [7]"));
    assertEquals("items[0].seats", bodyField("\"seats\": []"));
    assertEquals("items[0].quantity", bodyField("\"seats\": [\"A-1-1\"], \"quantity\": 2"));
    assertEquals("items[0].together", bodyField("\"seats\": [\"A-1-1\"], \"together\": true"));
    assertEquals("items[0].accessible", bodyField("\"quantity\": 2, \"accessible\": 3"));
    assertEquals("items[0].together", bodyField("\"quantity\": 2, \"together\": \"yes\""));
  }

  @Test
  void bestAvailableThatFindsNoFittingSeatsIsSoldOutWithTheFreeCount() {
    hall.buy("u-1", hall.seats("Balcony", "B-1-6"));

    SoldOut soldOut = assertThrows(SoldOut.class, () -> hall.buy("u-2", hall.best("Balcony", 6, true, 0)));

    assertEquals(Map.of(hall.typeId("Balcony"), 10L), soldOut.available());
    assertEquals(new SeatCounts(11, 10, 1, 0, 0), hall.counts("Balcony"));
  }

  @Test
  void paidSeatsAreSoldAndEachTicketCarriesItsSeat() {
    OrderView view = hall.buy("u-1", hall.standing(1), hall.seats("Stalls", "A-1-4", "A-1-5"));

    app.paymentEvents().apply(StripeEventFixture.succeeded(view));

    Order order = app.orders().find(view.orderId()).orElseThrow();
    assertEquals(OrderStatus.PAID, order.status());
    List<SeatView> seats = order.tickets().stream().map(Ticket::seat).toList();
    assertEquals(3, seats.size());
    assertEquals(List.of(new SeatView("A-1-4", "A", "1", 4), new SeatView("A-1-5", "A", "1", 5)),
        seats.stream().filter(java.util.Objects::nonNull).toList());
    assertEquals("FFFSSFFFFF", hall.states("A", "1"));
    hall.assertSoldTo(view.orderId());
    hall.assertSeatsMatchOrders();
  }

  @Test
  void expiredOrderGivesBackExactlyItsSeats() {
    OrderView late = hall.buy("u-1", hall.seats("Stalls", "A-1-4", "A-1-5"));
    clock.advance(Duration.ofMinutes(5));
    hall.buy("u-2", hall.seats("Stalls", "A-1-6"));

    clock.advance(Duration.ofMinutes(6));
    timePassed();

    assertEquals(OrderStatus.EXPIRED, app.orders().find(late.orderId()).orElseThrow().status());
    assertEquals("FFFFFHFFFF", hall.states("A", "1"));
    hall.assertSeatsMatchOrders();
  }

  @Test
  void cancelledOrderGivesBackItsSeats() {
    OrderView view = hall.buy("u-1", hall.seats("Stalls", "A-3-1", "A-3-2"));

    app.orderService().cancel(buyer("u-1"), view.orderId());

    assertEquals("F".repeat(12), hall.states("A", "3"));
    hall.assertSeatsMatchOrders();
  }

  @Test
  void refundPutsTheSeatsBackOnSaleOnce() {
    OrderView view = paid("u-1", hall.seats("Stalls", "A-1-4", "A-1-5"));

    app.orderService().refund(organizer("org-seated"), view.orderId());
    OrderView again = hall.buy("u-2", hall.seats("Stalls", "A-1-4"));
    app.orderService().refund(organizer("org-seated"), view.orderId());

    assertEquals(OrderStatus.REFUNDED, app.orders().find(view.orderId()).orElseThrow().status());
    assertEquals("FFFHFFFFFF", hall.states("A", "1"), "the repeat returned nothing; A-1-4 is held by the new order");
    assertEquals(List.of("A-1-4"), again.items().get(0).seats());
    hall.assertSeatsMatchOrders();
  }

  @Test
  void refundMadeInStripeAfterACheckInKeepsThatSeatSold() {
    OrderView view = paid("u-1", hall.seats("Balcony", "B-1-1", "B-1-2"));
    app.orders().checkIn(view.orderId(), 1, hall.event.eventId(), clock.instant(), "North");

    app.paymentEvents().apply(StripeEventFixture.chargeRefunded(view, view.amountCents()));

    Order order = app.orders().find(view.orderId()).orElseThrow();
    assertEquals(List.of(TicketStatus.VOID, TicketStatus.CHECKED_IN), order.tickets().stream().map(Ticket::status)
        .toList());
    assertEquals("FSFFFFFFFFF", hall.states("B", "1"));
    assertEquals(new SeatCounts(11, 10, 0, 1, 0), hall.counts("Balcony"));
  }

  @Test
  void latePaymentTakesTheSameSeatsAgainWhenTheyAreStillFree() {
    OrderView view = hall.buy("u-1", hall.seats("Stalls", "A-3-5", "A-3-6"));
    clock.advance(HOLD_LAPSES);
    timePassed();

    app.paymentEvents().apply(StripeEventFixture.succeeded(view));

    Order order = app.orders().find(view.orderId()).orElseThrow();
    assertEquals(OrderStatus.PAID, order.status());
    assertEquals(2, order.gen());
    assertEquals("FFFFSSFFFFFF", hall.states("A", "3"));
    hall.assertSoldTo(view.orderId());
    hall.assertSeatsMatchOrders();
  }

  @Test
  void latePaymentAfterOneOfItsSeatsWasTakenIsRefundedAndHoldsNothing() {
    OrderView view = hall.buy("u-1", hall.seats("Stalls", "A-3-5", "A-3-6"));
    clock.advance(HOLD_LAPSES);
    timePassed();
    hall.buy("u-2", hall.seats("Stalls", "A-3-6"));

    app.paymentEvents().apply(StripeEventFixture.succeeded(view));

    assertEquals(OrderStatus.REFUNDED, app.orders().find(view.orderId()).orElseThrow().status());
    assertEquals("FFFFFHFFFFFF", hall.states("A", "3"));
    hall.assertSeatsMatchOrders();
  }

  @Test
  void expiryOfAPurchaseThatWasRefusedLeavesEveryoneElsesSeatsAlone() {
    hall.buy("u-1", hall.seats("Stalls", "A-1-5"));
    assertThrows(SeatsUnavailable.class, () -> hall.buy("u-2", hall.seats("Stalls", "A-1-5")));
    clock.advance(Duration.ofMinutes(5));
    OrderView later = hall.buy("u-3", hall.seats("Stalls", "A-1-6"));

    clock.advance(Duration.ofMinutes(6));
    timePassed();

    assertEquals("FFFFFHFFFF", hall.states("A", "1"), "u-1's hold expired, u-3's still runs");
    assertEquals(OrderStatus.PENDING_PAYMENT, app.orders().find(later.orderId()).orElseThrow().status());
  }

  private OrderView paid(String buyerId, PurchaseItem... items) {
    OrderView view = hall.buy(buyerId, items);
    app.paymentEvents().apply(StripeEventFixture.succeeded(view));
    return view;
  }

  private void timePassed() {
    new PurchaseFixture(app).timePassed(clock.instant());
  }

  private String field(PurchaseItem item) {
    return assertThrows(InvalidRequest.class, () -> hall.buy("u-bad", item)).field();
  }

  private String bodyField(String item) {
    String body = "{\"eventId\": \"" + hall.event.eventId() + "\", \"items\": [{\"ticketTypeId\": \""
        + hall.typeId("Stalls") + "\", " + item + "}]}";
    return assertThrows(InvalidRequest.class, () -> com.tickethub.http.Json.read(body, PurchaseRequest.class)).field();
  }
}
