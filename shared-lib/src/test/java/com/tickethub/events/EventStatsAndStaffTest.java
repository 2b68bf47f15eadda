package com.tickethub.events;

import static com.tickethub.testing.Requests.buyer;
import static com.tickethub.testing.Requests.organizer;
import static com.tickethub.testing.Requests.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tickethub.errors.Forbidden;
import com.tickethub.errors.InvalidRequest;
import com.tickethub.errors.NotFound;
import com.tickethub.http.Json;
import com.tickethub.testing.TestComponent;
import com.tickethub.testing.TestStack;
import com.tickethub.orders.Order;
import com.tickethub.orders.OrderItem;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventStatsAndStaffTest {
  private final TestComponent app = TestStack.component();
  private final EventView event = app.events().create(organizer("org-s"),
      Json.read(resource("events/new-event.json"), NewEvent.class));

  @Test
  void statsCountCheckInsPerTicketType() {
    String general = event.ticketTypes().get(0).ticketTypeId();
    Order paid = Order.create(UUID.randomUUID().toString(), "holder-1", event.eventId(),
        List.of(new OrderItem(general, 3, 0, false, List.of())), 0, "EUR", Instant.now(), null, Instant.now());
    app.orders().create(paid);
    app.orders().checkIn(paid.orderId(), 0, event.eventId(), Instant.now(), "North");
    app.orders().checkIn(paid.orderId(), 2, event.eventId(), Instant.now(), "South");

    EventStats stats = app.events().stats(organizer("org-s"), event.eventId());

    EventStats.TicketTypeStats generalStats = stats.ticketTypes().get(0);
    assertEquals(general, generalStats.ticketTypeId());
    assertEquals(2, generalStats.checkedIn());
    assertEquals(500, generalStats.capacity());
    assertEquals(500, generalStats.available());
    assertEquals(0, stats.ticketTypes().get(1).checkedIn());
    assertEquals(40, stats.ticketTypes().get(1).capacity());
  }

  @Test
  void statsAreForbiddenToAnotherOrganizer() {
    assertThrows(Forbidden.class, () -> app.events().stats(organizer("org-other"), event.eventId()));
  }

  @Test
  void statsOfAnEventAreNotFoundForABuyer() {
    assertThrows(NotFound.class, () -> app.events().stats(buyer("u-1"), event.eventId()));
  }

  @Test
  void statsOfAnUnknownEventAreNotFound() {
    assertThrows(NotFound.class, () -> app.events().stats(organizer("org-s"), "no-such-event"));
  }

  @Test
  void organizerReplacesTheGateStaffAndGetsTheEventBack() {
    EventView answer = app.events().replaceStaff(organizer("org-s"), event.eventId(),
        new StaffList(List.of("scanner-2", "scanner-3")));

    assertEquals(event.eventId(), answer.eventId());
    assertEquals(event.name(), answer.name());
    assertEquals(event.ticketTypes().size(), answer.ticketTypes().size());
    assertEquals(List.of("scanner-2", "scanner-3"), answer.staff());
    assertEquals(List.of("scanner-2", "scanner-3"), app.events().find(event.eventId()).staff());
  }

  @Test
  void anotherOrganizerCannotReplaceTheGateStaff() {
    assertThrows(Forbidden.class, () -> app.events().replaceStaff(organizer("org-other"), event.eventId(),
        new StaffList(List.of("scanner-evil"))));

    assertEquals(List.of("scanner-1"), app.events().find(event.eventId()).staff());
  }

  @Test
  void staffOfAnUnknownEventIsNotFound() {
    assertThrows(NotFound.class, () -> app.events().replaceStaff(organizer("org-s"), "no-such-event",
        new StaffList(List.of())));
  }

  @Test
  void staffListMustBeGiven() {
    assertThrows(InvalidRequest.class, () -> Json.read("{}", StaffList.class));
  }
}
