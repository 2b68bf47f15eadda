package com.tickethub.seats;

import com.tickethub.errors.NotFound;
import com.tickethub.events.Event;
import com.tickethub.events.EventRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The seat plans of recent events, kept per container: a layout never changes once the event exists, so a
 * purchase checks chosen seats and ranks rows for best available without reading them again. Bounded to the
 * most recently used events.
 */
@Singleton
public class SeatLayouts {
  private static final int MAX_EVENTS = 64;

  private final EventRepository events;
  private final SeatRepository rows;
  private final Map<String, SeatPlan> plans = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, SeatPlan> eldest) {
      return size() > MAX_EVENTS;
    }
  };

  @Inject
  public SeatLayouts(EventRepository events, SeatRepository rows) {
    this.events = events;
    this.rows = rows;
  }

  /** The plan of a seated event; 404 for an event without a seat map. */
  public SeatPlan of(Event event) {
    synchronized (plans) {
      SeatPlan cached = plans.get(event.eventId());
      if (cached != null) {
        return cached;
      }
    }
    if (event.seating() == null) {
      throw new NotFound("Event " + event.eventId() + " has no seat map");
    }
    SeatPlan plan = SeatPlan.of(event.seating().focus(), rows.layouts(event.eventId()));
    synchronized (plans) {
      plans.put(event.eventId(), plan);
    }
    return plan;
  }

  /** The plan of a seated event by its id (one read of the event item when not kept yet). */
  public SeatPlan of(String eventId) {
    synchronized (plans) {
      SeatPlan cached = plans.get(eventId);
      if (cached != null) {
        return cached;
      }
    }
    return of(events.find(eventId).orElseThrow(() -> new NotFound("No event " + eventId)));
  }
}
