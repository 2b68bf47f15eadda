package com.tickethub.seats;

import static com.tickethub.testing.Requests.organizer;
import static com.tickethub.testing.Requests.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tickethub.events.EventView;
import com.tickethub.events.NewEvent;
import com.tickethub.events.TicketTypeView;
import com.tickethub.http.Json;
import com.tickethub.testing.TestComponent;
import java.util.List;
import java.util.Map;

/** A seated event created through the service from a fixture, with the checks every seat test ends with. */
final class SeatedEvent {
  final TestComponent app;
  final EventView event;
  final String organizerId;

  SeatedEvent(TestComponent app, String fixture, String organizerId) {
    this.app = app;
    this.organizerId = organizerId;
    this.event = app.events().create(organizer(organizerId), Json.read(resource(fixture), NewEvent.class));
  }

  /** The small hall: Standing (50), Stalls (A-1 of 10, A-2 of 9 with 5 skipped, A-3 of 12) and Balcony (B-1 of 11). */
  static SeatedEvent smallHall(TestComponent app) {
    return new SeatedEvent(app, "seats/small-hall.json", "org-" + java.util.UUID.randomUUID());
  }

  String id() {
    return event.eventId();
  }

  RowKey row(String section, String row) {
    return new RowKey(id(), section, row);
  }

  SeatRow read(String section, String row) {
    return app.seatRows().row(row(section, row)).orElseThrow();
  }

  String typeId(String name) {
    return event.ticketTypes().stream().filter(t -> t.name().equals(name)).map(TicketTypeView::ticketTypeId)
        .findFirst().orElseThrow();
  }

  /**
   * Per row, {@code free} is the number of existing seats without an entry; per seated type,
   * free + held + sold + blocked == its capacity.
   */
  void assertCountsExact() {
    List<SeatRow> rows = app.seatRows().rows(id());
    for (SeatRow row : rows) {
      assertEquals(row.layout().size() - row.taken().size(), row.free(), "free of row " + row.layout().key());
      row.taken().keySet().forEach(n -> assertEquals(true, row.layout().exists(n), "entry of a seat that exists"));
    }
    Map<String, SeatCounts> perType = SeatCounts.perType(rows);
    for (TicketTypeView type : event.ticketTypes()) {
      if (type.seated()) {
        SeatCounts c = perType.get(type.ticketTypeId());
        assertEquals(type.capacity(), c.free() + c.held() + c.sold() + c.blocked(), "seats of " + type.name());
        assertEquals(type.capacity(), c.seats());
      }
    }
  }
}
