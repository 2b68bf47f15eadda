package com.tickethub.orders;

import static com.tickethub.orders.PurchaseFixture.claim;
import static com.tickethub.testing.Requests.buyer;
import static com.tickethub.testing.Requests.organizer;
import static com.tickethub.testing.Requests.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.events.EventView;
import com.tickethub.events.NewEvent;
import com.tickethub.events.TicketTypeView;
import com.tickethub.http.Json;
import com.tickethub.seats.RowKey;
import com.tickethub.seats.SeatCounts;
import com.tickethub.seats.SeatEntry;
import com.tickethub.seats.SeatRow;
import com.tickethub.seats.SeatState;
import com.tickethub.testing.PurchaseTestComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A seated event bought through the real purchase, and the checks every seated order test ends with: per seated
 * type, free + held + sold + blocked == capacity, and every seat's entry is exactly what the orders say.
 */
final class SeatedOrders {
  final PurchaseTestComponent app;
  final EventView event;

  SeatedOrders(PurchaseTestComponent app, String fixture) {
    this.app = app;
    this.event = app.events().create(organizer("org-seated"), Json.read(resource(fixture), NewEvent.class));
  }

  /** The small hall: Standing (50), Stalls (A-1 of 10, A-2 of 9 with 5 skipped, A-3 of 12), Balcony (B-1 of 11). */
  static SeatedOrders smallHall(PurchaseTestComponent app) {
    return new SeatedOrders(app, "seats/small-hall.json");
  }

  String typeId(String name) {
    return event.ticketTypes().stream().filter(t -> t.name().equals(name)).map(TicketTypeView::ticketTypeId)
        .findFirst().orElseThrow();
  }

  PurchaseItem seats(String type, String... seats) {
    return new PurchaseItem(typeId(type), null, List.of(seats), null, null);
  }

  PurchaseItem best(String type, int quantity, boolean together, int accessible) {
    return new PurchaseItem(typeId(type), quantity, null, together, accessible);
  }

  PurchaseItem standing(int quantity) {
    return new PurchaseItem(typeId("Standing"), quantity);
  }

  PurchaseRequest request(PurchaseItem... items) {
    return new PurchaseRequest(event.eventId(), List.of(items));
  }

  OrderView buy(String buyerId, PurchaseItem... items) {
    return app.purchases().purchase(buyer(buyerId), claim(), request(items));
  }

  SeatRow row(String section, String row) {
    return app.seatRows().row(new RowKey(event.eventId(), section, row)).orElseThrow();
  }

  String states(String section, String row) {
    return row(section, row).states();
  }

  SeatCounts counts(String type) {
    return SeatCounts.perType(app.seatRows().rows(event.eventId())).get(typeId(type));
  }

  /**
   * Per seated type the counts add up; every held seat belongs to an order that still holds it (awaiting payment or
   * taking it again) under the order's generation, every sold seat to a paid (or refunding) order's generation, and
   * every paid order's seats are sold to it.
   */
  void assertSeatsMatchOrders() {
    List<SeatRow> rows = app.seatRows().rows(event.eventId());
    Map<String, SeatCounts> perType = SeatCounts.perType(rows);
    for (TicketTypeView type : event.ticketTypes()) {
      if (type.seated()) {
        SeatCounts c = perType.get(type.ticketTypeId());
        assertEquals(type.capacity(), c.free() + c.held() + c.sold() + c.blocked(), "seats of " + type.name());
      }
    }
    Map<String, Order> orders = new HashMap<>();
    for (SeatRow row : rows) {
      assertEquals(row.layout().size() - row.taken().size(), row.free(), "free of " + row.layout().key());
      for (Map.Entry<Integer, SeatEntry> taken : row.taken().entrySet()) {
        SeatEntry entry = taken.getValue();
        if (entry.state() == SeatState.BLOCKED) {
          continue;
        }
        String seat = row.layout().seat(taken.getKey()).toString();
        Order order = orders.computeIfAbsent(entry.orderId(), id -> app.orders().find(id).orElseThrow(
            () -> new AssertionError(seat + " is " + entry.state() + " for order " + id + ", which does not exist")));
        assertEquals(order.gen(), entry.generation().intValue(), seat + ": the order's generation");
        assertTrue(order.items().stream().anyMatch(i -> i.seats().contains(seat)), seat + " is on its order");
        if (entry.state() == SeatState.HELD) {
          assertTrue(order.status() == OrderStatus.PENDING_PAYMENT || order.status() == OrderStatus.RETAKING,
              seat + " is held for order " + order.orderId() + ", which is " + order.status());
        } else {
          assertTrue(order.wasPaid() && !order.status().refunded(), seat + " is sold to order " + order.orderId()
              + ", which is " + order.status());
        }
      }
    }
  }

  /** The seats of a paid order are sold to it. */
  void assertSoldTo(String orderId) {
    Order order = app.orders().find(orderId).orElseThrow();
    for (OrderItem item : order.items()) {
      for (var seat : item.seatIds()) {
        SeatEntry entry = row(seat.section(), seat.row()).taken().get(seat.number());
        assertEquals(SeatState.SOLD, entry == null ? SeatState.FREE : entry.state(), seat + " of " + orderId);
        assertEquals(orderId, entry.orderId());
      }
    }
  }
}
