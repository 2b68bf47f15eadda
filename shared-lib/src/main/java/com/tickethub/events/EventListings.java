package com.tickethub.events;

import com.tickethub.auth.Caller;
import com.tickethub.auth.Role;
import com.tickethub.errors.InvalidRequest;
import com.tickethub.http.Cursors;
import java.time.Instant;
import java.time.Clock;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The lists of events, page by page: everyone's upcoming events, and an organizer's own. */
@Singleton
public class EventListings {
  private static final String UPCOMING = "events";
  private static final String OWN = "organizer-events";
  /** The public list is the same for every caller: its cursors are bound to the list alone. */
  private static final String ANYONE = "*";

  private final EventRepository events;
  private final Clock clock;

  @Inject
  public EventListings(EventRepository events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  /**
   * Events starting at or after {@code from} (default: now), soonest first. The cursor carries the listing's
   * {@code from}, so later pages need not repeat it and may not change it.
   */
  public EventList upcoming(Optional<Instant> from, Optional<String> limit, Optional<String> cursor) {
    int size = Cursors.limit(limit);
    Instant start = from.orElseGet(clock::instant);
    Optional<String> after = Optional.empty();
    Optional<Map<String, String>> position = Cursors.decode(cursor, UPCOMING, ANYONE);
    if (position.isPresent()) {
      Instant listed = listedFrom(position.get());
      if (from.isPresent() && !from.get().equals(listed)) {
        throw new InvalidRequest("from", "must be left out or be the one of the listing the cursor belongs to");
      }
      start = listed;
      after = Optional.of(sortKey(position.get(), Optional.of(listed)));
    }
    EventRepository.Page page = events.startingFrom(start, size, after);
    String listing = start.toString();
    return list(page, page.next().map(next -> Cursors.encode(UPCOMING, ANYONE, Map.of("f", listing, "s", next))), false);
  }

  /** The caller's own events, past and upcoming, soonest first; for organizers. Cursors are bound to the caller. */
  public EventList organizedBy(Caller caller, Optional<String> limit, Optional<String> cursor) {
    caller.require(Role.ORGANIZER);
    int size = Cursors.limit(limit);
    Optional<String> after = Cursors.decode(cursor, OWN, caller.sub()).map(p -> sortKey(p, Optional.empty()));
    EventRepository.Page page = events.organizedBy(caller.sub(), size, after);
    return list(page, page.next().map(next -> Cursors.encode(OWN, caller.sub(), Map.of("s", next))), true);
  }

  private static EventList list(EventRepository.Page page, Optional<String> next, boolean withStaff) {
    return new EventList(page.events().stream().map(e -> EventSummary.of(e, withStaff)).toList(), next.orElse(null));
  }

  /** The cursor's position must be a sort key these lists write (within the listing): else it is not ours. */
  private static String sortKey(Map<String, String> position, Optional<Instant> from) {
    String key = position.get("s");
    if (key == null || !EventRepository.isPosition(key, from)) {
      throw notOurs();
    }
    return key;
  }

  private static Instant listedFrom(Map<String, String> position) {
    try {
      return Instant.parse(position.getOrDefault("f", ""));
    } catch (DateTimeParseException e) {
      throw notOurs();
    }
  }

  private static InvalidRequest notOurs() {
    return new InvalidRequest("cursor", "is not a cursor this list gave you; send nextCursor back unchanged");
  }
}
