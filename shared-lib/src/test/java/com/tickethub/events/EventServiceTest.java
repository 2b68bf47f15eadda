package com.tickethub.events;

import static com.tickethub.testing.Requests.organizer;
import static com.tickethub.testing.Requests.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tickethub.errors.Forbidden;
import com.tickethub.errors.InvalidRequest;
import com.tickethub.errors.NotFound;
import com.tickethub.http.Json;
import com.tickethub.inventory.TypeCounts;
import com.tickethub.testing.MutableClock;
import com.tickethub.testing.Requests;
import com.tickethub.testing.TestComponent;
import com.tickethub.testing.TestStack;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventServiceTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2027-01-01T00:00:00Z"));
  private final TestComponent app = TestStack.component(clock);
  private final NewEvent gala = Json.read(resource("events/new-event.json"), NewEvent.class);

  @Test
  void createdEventReadsBackWithEveryTicketAvailable() {
    EventView created = app.events().create(organizer("org-1"), gala);

    EventView read = app.events().get(created.eventId());

    assertEquals("org-1", read.organizerId());
    assertEquals("Spring Gala", read.name());
    assertEquals(2, read.ticketTypes().size());
    assertEquals(500, read.ticketTypes().get(0).available());
    assertEquals(40, read.ticketTypes().get(1).available());
    assertEquals(created.ticketTypes(), read.ticketTypes());
  }

  @Test
  void shardedTypeSplitsItsCapacityOverItsShards() {
    EventView created = app.events().create(organizer("org-1"), gala);
    String vip = created.ticketTypes().get(1).ticketTypeId();

    Map<String, TypeCounts> counts = app.inventory().counts(created.eventId());

    assertEquals(new TypeCounts(40, 40, 0, 0), counts.get(vip));
  }

  @Test
  void staffListIsShownToTheOrganizerButNotInThePublicView() {
    EventView created = app.events().create(organizer("org-1"), gala);

    assertEquals(java.util.List.of("scanner-1"), created.staff());
    assertNull(app.events().get(created.eventId()).staff());
  }

  @Test
  void unknownEventIsNotFound() {
    assertThrows(NotFound.class, () -> app.events().get("no-such-event"));
  }

  @Test
  void buyerCannotCreateEvents() {
    assertThrows(Forbidden.class, () -> app.events().create(Requests.buyer("u-1"), gala));
  }

  @Test
  void eventInThePastIsRejected() {
    clock.advance(java.time.Duration.ofDays(365 * 100));

    InvalidRequest error = assertThrows(InvalidRequest.class, () -> app.events().create(organizer("org-1"), gala));

    assertEquals("startsAt", error.field());
  }
}
