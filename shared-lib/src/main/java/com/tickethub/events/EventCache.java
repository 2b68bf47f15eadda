package com.tickethub.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Event items as this container read them at most {@link #TTL} ago, so that the hot paths (a purchase, a gate scan)
 * do not read the event on every request. What may be stale, and for how long, is bounded and safe:
 * <ul>
 *   <li>ticket types, prices, limits and sales windows never change once an event is created (no route changes
 *   them), so a purchase prices and checks exactly what a fresh read would;</li>
 *   <li>the staff list ({@code PUT /events/{id}/staff}) reaches a warm container within {@link #TTL}: someone just
 *   removed from it may still scan for up to 30 s; someone just added is never refused for it, since a caller the
 *   cached list refuses is checked again against a fresh read ({@link #fresh}).</li>
 * </ul>
 * Only events that exist are kept (a 404 is read again next time), at most {@link #MAX_EVENTS} per container.
 */
@Singleton
public class EventCache {
  public static final Duration TTL = Duration.ofSeconds(30);
  static final int MAX_EVENTS = 1024;

  private record Cached(Event event, Instant readAt) {}

  private final EventRepository events;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  @Inject
  public EventCache(EventRepository events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  /** The event as read at most {@link #TTL} ago in this container, else read now. */
  public Optional<Event> find(String eventId) {
    Cached cached = cache.get(eventId);
    if (cached != null && clock.instant().isBefore(cached.readAt().plus(TTL))) {
      return Optional.of(cached.event());
    }
    return fresh(eventId);
  }

  /** The event read now (and kept for the next {@link #TTL}). */
  public Optional<Event> fresh(String eventId) {
    Instant readAt = clock.instant();
    Optional<Event> event = events.find(eventId);
    if (event.isPresent()) {
      if (cache.size() >= MAX_EVENTS) {
        cache.clear(); // a container serving this many events at once gains little from the cache anyway
      }
      cache.put(eventId, new Cached(event.get(), readAt));
    } else {
      cache.remove(eventId);
    }
    return event;
  }
}
