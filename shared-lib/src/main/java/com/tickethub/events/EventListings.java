package com.tickethub.events;

import com.tickethub.auth.Caller;
import com.tickethub.auth.Role;
import com.tickethub.errors.InvalidRequest;
import com.tickethub.paging.Cursors;
import com.tickethub.paging.Page;
import com.tickethub.paging.PageRequest;
import com.tickethub.paging.Slice;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The lists of events, page by page: everyone's upcoming events, and an organizer's own. */
@Singleton
public class EventListings {
  private static final String UPCOMING = "events";

  private final EventRepository events;
  private final Cursors cursors;
  private final Clock clock;

  @Inject
  public EventListings(EventRepository events, Cursors cursors, Clock clock) {
    this.events = events;
    this.cursors = cursors;
    this.clock = clock;
  }

  /**
   * Events starting at or after {@code from} (default: now), soonest first. The cursor carries the listing's
   * {@code from}, so later pages need not repeat it and may not change it.
   */
  public EventList upcoming(Optional<Instant> from, PageRequest page) {
    Instant start = from.orElseGet(clock::instant);
    Optional<String> after = Optional.empty();
    if (page.cursor().isPresent()) {
      String[] sealed = cursors.open(UPCOMING, page.cursor().get()).split("\\|", 2);
      Instant listed = Instant.parse(sealed[0]);
      if (from.isPresent() && !from.get().equals(listed)) {
        throw new InvalidRequest("from", "must be left out or be the one of the listing the cursor belongs to");
      }
      start = listed;
      after = Optional.of(sealed[1]);
    }
    Slice<Event> slice = events.startingFrom(start, page.limit(), after);
    String listing = start + "|";
    return list(cursors.page(UPCOMING, new Slice<>(slice.items(), slice.lastPosition().map(listing::concat))), false);
  }

  /** The caller's own events, past and upcoming, soonest first; for organizers. Cursors are bound to the caller. */
  public EventList organizedBy(Caller caller, PageRequest page) {
    caller.require(Role.ORGANIZER);
    String binding = "organizer-events|" + caller.sub();
    Slice<Event> slice = events.organizedBy(caller.sub(), page.limit(), cursors.open(binding, page));
    return list(cursors.page(binding, slice), true);
  }

  private static EventList list(Page<Event> page, boolean withStaff) {
    return new EventList(page.items().stream().map(e -> EventSummary.of(e, withStaff)).toList(), page.nextCursor());
  }
}
