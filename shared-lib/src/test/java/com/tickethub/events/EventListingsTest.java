package com.tickethub.events;

import static com.tickethub.testing.Requests.buyer;
import static com.tickethub.testing.Requests.organizer;
import static com.tickethub.testing.Requests.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.auth.Caller;
import com.tickethub.errors.Forbidden;
import com.tickethub.errors.InvalidRequest;
import com.tickethub.http.Cursors;
import com.tickethub.http.Json;
import com.tickethub.testing.ListingTestComponent;
import com.tickethub.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The event lists on the real emulator. The table is shared with other tests, so each test places its events
 * in a far-future window of its own and lists from there.
 */
class EventListingsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2027-01-01T00:00:00Z"));
  private final ListingTestComponent app = ListingTestComponent.create(clock);
  private final NewEvent template = Json.read(resource("events/new-event.json"), NewEvent.class);
  private final Instant window = Instant.parse("3000-01-01T00:00:00Z")
      .plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(1_000_000)));

  @Test
  void upcomingEventsAreListedSoonestFirstFromTheGivenInstant() {
    EventView later = create(organizer("org-a"), 3);
    EventView sooner = create(organizer("org-b"), 1);
    create(organizer("org-a"), -1);

    EventList list = eventually(() -> upcoming(Optional.of(window), 2, null), 2);

    assertEquals(List.of(sooner.eventId(), later.eventId()), ids(list));
    assertNull(list.events().get(0).staff(), "the public list leaves the staff out");
  }

  @Test
  void pagesFollowTheirCursorsWithoutGapsOrRepeatsAndTheLastHasNone() {
    Caller org = organizer("org-" + UUID.randomUUID());
    List<String> created = new ArrayList<>();
    for (int hour = 1; hour <= 5; hour++) {
      created.add(create(org, hour).eventId());
    }
    eventually(() -> upcoming(Optional.of(window), 5, null), 5);

    List<String> seen = new ArrayList<>();
    EventList first = upcoming(Optional.of(window), 2, null);
    seen.addAll(ids(first));
    EventList second = upcoming(Optional.empty(), 2, first.nextCursor());
    seen.addAll(ids(second));
    EventList third = own(org, 5, null);

    assertEquals(created.subList(0, 4), seen);
    assertNotNull(second.nextCursor());
    assertEquals(created, ids(third));
    assertNull(third.nextCursor(), "a full last page has no cursor");
  }

  @Test
  void organizerListsOnlyTheirOwnEventsPastAndUpcomingWithStaff() {
    Caller org = organizer("org-" + UUID.randomUUID());
    EventView first = create(org, 1);
    create(organizer("someone-else"), 2);
    EventView second = create(org, 3);
    clock.advance(Duration.between(clock.instant(), window.plus(Duration.ofDays(1))));

    EventList list = eventually(() -> own(org, 10, null), 2);

    assertEquals(List.of(first.eventId(), second.eventId()), ids(list));
    assertEquals(List.of("scanner-1"), list.events().get(0).staff());
  }

  @Test
  void cursorGivenToOneOrganizerIsRefusedToAnother() {
    Caller org = organizer("org-" + UUID.randomUUID());
    create(org, 1);
    create(org, 2);
    String cursor = eventually(() -> own(org, 1, null), 1).nextCursor();

    InvalidRequest error = assertThrows(InvalidRequest.class,
        () -> own(organizer("org-other"), 1, cursor));

    assertEquals("cursor", error.field());
  }

  @Test
  void alteredOrForgedCursorIsRefused() {
    Caller org = organizer("org-" + UUID.randomUUID());
    create(org, 1);
    create(org, 2);
    String cursor = eventually(() -> own(org, 1, null), 1).nextCursor();
    String altered = (cursor.charAt(0) == 'A' ? 'B' : 'A') + cursor.substring(1);
    String forged = Cursors.encode("organizer-events", org.sub(), Map.of("s", "any position"));

    for (String bad : List.of(altered, "garbage", "", cursor + "x", forged)) {
      InvalidRequest error = assertThrows(InvalidRequest.class, () -> own(org, 1, bad), bad);
      assertEquals("cursor", error.field());
    }
  }

  @Test
  void cursorPositionBeforeTheListingsStartIsRefused() {
    String before = "2000-01-01T00:00:00.000Z#" + UUID.randomUUID();
    String forged = Cursors.encode("events", "*", Map.of("f", window.toString(), "s", before));

    InvalidRequest error = assertThrows(InvalidRequest.class, () -> upcoming(Optional.empty(), 1, forged));

    assertEquals("cursor", error.field());
  }

  @Test
  void cursorOfTheOrganizerListIsRefusedByThePublicList() {
    Caller org = organizer("org-" + UUID.randomUUID());
    create(org, 1);
    create(org, 2);
    String cursor = eventually(() -> own(org, 1, null), 1).nextCursor();

    assertThrows(InvalidRequest.class, () -> upcoming(Optional.empty(), 1, cursor));
  }

  @Test
  void cursorWithAnotherFromIsRefused() {
    create(organizer("org-a"), 1);
    create(organizer("org-a"), 2);
    String cursor = eventually(() -> upcoming(Optional.of(window), 1, null), 1).nextCursor();

    InvalidRequest error = assertThrows(InvalidRequest.class,
        () -> upcoming(Optional.of(window.minusSeconds(1)), 1, cursor));

    assertEquals("from", error.field());
  }

  @Test
  void buyerCannotListOrganizerEvents() {
    assertThrows(Forbidden.class, () -> own(buyer("u-1"), 10, null));
  }

  private EventView create(Caller organizer, int hoursAfterWindow) {
    NewEvent event = new NewEvent(template.name(), template.venue(), window.plus(Duration.ofHours(hoursAfterWindow)),
        template.staff(), template.ticketTypes(), template.seating());
    return app.events().create(organizer, event);
  }

  private EventList upcoming(Optional<Instant> from, int limit, String cursor) {
    return app.listings().upcoming(from, Optional.of(Integer.toString(limit)), Optional.ofNullable(cursor));
  }

  private EventList own(Caller organizer, int limit, String cursor) {
    return app.listings().organizedBy(organizer, Optional.of(Integer.toString(limit)), Optional.ofNullable(cursor));
  }

  private static List<String> ids(EventList list) {
    return list.events().stream().map(EventSummary::eventId).toList();
  }

  /** The lists read an index, which DynamoDB updates within about a second of the write. */
  private static EventList eventually(java.util.function.Supplier<EventList> read, int atLeast) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    EventList list = read.get();
    while (list.events().size() < atLeast && System.nanoTime() < deadline) {
      sleep();
      list = read.get();
    }
    assertTrue(list.events().size() >= atLeast, "listed " + list.events().size() + " of " + atLeast);
    return list;
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
