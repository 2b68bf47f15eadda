package com.tickethub.events;

import com.tickethub.auth.Caller;
import com.tickethub.auth.Role;
import com.tickethub.errors.Forbidden;
import com.tickethub.errors.InvalidRequest;
import com.tickethub.errors.NotFound;
import com.tickethub.inventory.InventoryRepository;
import com.tickethub.inventory.TypeCounts;
import com.tickethub.orders.OrderRepository;
import com.tickethub.seats.RowLayout;
import com.tickethub.seats.SeatCounts;
import com.tickethub.seats.SeatRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Creating events, reading them with their live availability, and their organizer's gate staff and stats. */
@Singleton
public class EventService {
  private final EventRepository events;
  private final EventCache cache;
  private final InventoryRepository inventory;
  private final SeatRepository seats;
  private final OrderRepository orders;
  private final Clock clock;

  @Inject
  public EventService(EventRepository events, EventCache cache, InventoryRepository inventory, SeatRepository seats,
      OrderRepository orders, Clock clock) {
    this.events = events;
    this.cache = cache;
    this.inventory = inventory;
    this.seats = seats;
    this.orders = orders;
    this.clock = clock;
  }

  public EventView create(Caller caller, NewEvent request) {
    caller.require(Role.ORGANIZER);
    Instant now = clock.instant();
    if (!request.startsAt().isAfter(now)) {
      throw new InvalidRequest("startsAt", "must be in the future");
    }
    List<TicketType> types = request.ticketTypes().stream()
        .map(t -> new TicketType(UUID.randomUUID().toString(), t.name(), t.priceCents(), t.currency(),
            request.capacityOf(t), t.maxPerOrder(), t.maxPerBuyer(), t.salesStart(), t.salesEnd(), t.shards(),
            t.seated()))
        .toList();
    Event event = new Event(UUID.randomUUID().toString(), caller.sub(), request.name(), request.venue(),
        request.startsAt(), types.get(0).currency(), request.staff(), types, now,
        request.seating() == null ? null : request.seating().summary());
    List<RowLayout> rows = List.of();
    if (request.seating() != null) {
      Map<String, String> seatedTypeIds = new HashMap<>();
      types.stream().filter(TicketType::seated).forEach(t -> seatedTypeIds.put(t.name(), t.ticketTypeId()));
      rows = request.seating().layouts(seatedTypeIds);
    }
    events.create(event, rows);
    Map<String, Long> available = new HashMap<>();
    types.forEach(t -> available.put(t.ticketTypeId(), (long) t.capacity()));
    return view(event, available, true);
  }

  /**
   * The public view of an event, with each type's {@code available}: summed over its shards for a standing type,
   * over its rows' {@code free} for a seated type (one Query each).
   */
  public EventView get(String eventId) {
    Event event = find(eventId);
    return view(event, available(event), false);
  }

  private Map<String, Long> available(Event event) {
    Map<String, Long> available = new HashMap<>();
    inventory.counts(event.eventId()).forEach((typeId, counts) -> available.put(typeId, counts.available()));
    if (event.seating() != null) {
      available.putAll(seats.free(event.eventId()));
    }
    return available;
  }

  public Event find(String eventId) {
    return events.find(eventId).orElseThrow(() -> new NotFound("No event " + eventId));
  }

  /**
   * The event as this container read it at most {@link EventCache#TTL} ago: for paths that only need what never
   * changes once an event exists (its ticket types, prices, limits, sales windows, seating), such as a purchase.
   */
  public Event definition(String eventId) {
    return cache.find(eventId).orElseThrow(() -> new NotFound("No event " + eventId));
  }

  /**
   * Per ticket type: capacity, held, sold, available and checked in (and for a seated type its blocked seats);
   * for the event's organizer only.
   */
  public EventStats stats(Caller caller, String eventId) {
    Event event = organizedBy(caller, eventId);
    Map<String, TypeCounts> counts = inventory.counts(eventId);
    Map<String, SeatCounts> seatCounts = event.seating() == null ? Map.of() : SeatCounts.perType(seats.rows(eventId));
    Map<String, Long> checkedIn = orders.checkedInByType(eventId);
    return new EventStats(eventId, event.ticketTypes().stream().map(t -> {
      long in = checkedIn.getOrDefault(t.ticketTypeId(), 0L);
      if (t.seated()) {
        SeatCounts c = seatCounts.getOrDefault(t.ticketTypeId(), SeatCounts.ZERO);
        return new EventStats.TicketTypeStats(t.ticketTypeId(), t.name(), c.seats(), c.held(), c.sold(), c.free(), in,
            c.blocked());
      }
      TypeCounts c = counts.getOrDefault(t.ticketTypeId(), TypeCounts.ZERO);
      return new EventStats.TicketTypeStats(t.ticketTypeId(), t.name(), c.capacity(), c.held(), c.sold(), c.available(),
          in, null);
    }).toList());
  }

  /** Replaces the event's gate-staff list; for the event's organizer only, who gets the event back with it. */
  public EventView replaceStaff(Caller caller, String eventId, StaffList staff) {
    Event event = organizedBy(caller, eventId);
    if (!events.replaceStaff(eventId, caller.sub(), staff.staff())) {
      throw new NotFound("No event " + eventId);
    }
    Event replaced = new Event(event.eventId(), event.organizerId(), event.name(), event.venue(), event.startsAt(),
        event.currency(), staff.staff(), event.ticketTypes(), event.createdAt(), event.seating());
    return view(replaced, available(replaced), true);
  }

  /** The event if the caller organizes it; 403 to another organizer, 404 to anyone else (no existence leak). */
  public Event organizedBy(Caller caller, String eventId) {
    Event event = find(eventId);
    if (!event.organizerId().equals(caller.sub())) {
      if (caller.has(Role.ORGANIZER)) {
        throw new Forbidden("Event " + eventId + " is organized by someone else");
      }
      throw new NotFound("No event " + eventId);
    }
    return event;
  }

  private static EventView view(Event event, Map<String, Long> available, boolean withStaff) {
    return new EventView(event.eventId(), event.organizerId(), event.name(), event.venue(), event.startsAt(),
        withStaff ? event.staff() : null,
        event.ticketTypes().stream()
            .map(t -> TicketTypeView.of(t, available.getOrDefault(t.ticketTypeId(), 0L)))
            .toList());
  }
}
