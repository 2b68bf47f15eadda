package com.tickethub.events;

import com.tickethub.auth.Caller;
import com.tickethub.auth.Role;
import com.tickethub.errors.InvalidRequest;
import com.tickethub.errors.NotFound;
import com.tickethub.inventory.InventoryRepository;
import com.tickethub.inventory.TypeCounts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Creating events and reading them with their live availability. */
@Singleton
public class EventService {
  private final EventRepository events;
  private final InventoryRepository inventory;
  private final Clock clock;

  @Inject
  public EventService(EventRepository events, InventoryRepository inventory, Clock clock) {
    this.events = events;
    this.inventory = inventory;
    this.clock = clock;
  }

  public EventView create(Caller caller, NewEvent request) {
    caller.require(Role.ORGANIZER);
    Instant now = clock.instant();
    if (!request.startsAt().isAfter(now)) {
      throw new InvalidRequest("startsAt", "must be in the future");
    }
    List<TicketType> types = request.ticketTypes().stream()
        .map(t -> new TicketType(UUID.randomUUID().toString(), t.name(), t.priceCents(), t.currency(), t.capacity(),
            t.maxPerOrder(), t.maxPerBuyer(), t.salesStart(), t.salesEnd(), t.shards()))
        .toList();
    Event event = new Event(UUID.randomUUID().toString(), caller.sub(), request.name(), request.venue(),
        request.startsAt(), types.get(0).currency(), request.staff(), types, now);
    events.create(event);
    return view(event, types.stream().collect(java.util.stream.Collectors.toMap(TicketType::ticketTypeId,
        t -> new TypeCounts(t.capacity(), t.capacity(), 0, 0))), true);
  }

  /** The public view of an event, with each type's {@code available} summed over its shards. */
  public EventView get(String eventId) {
    Event event = find(eventId);
    return view(event, inventory.counts(eventId), false);
  }

  public Event find(String eventId) {
    return events.find(eventId).orElseThrow(() -> new NotFound("No event " + eventId));
  }

  private static EventView view(Event event, Map<String, TypeCounts> counts, boolean withStaff) {
    return new EventView(event.eventId(), event.organizerId(), event.name(), event.venue(), event.startsAt(),
        withStaff ? event.staff() : null,
        event.ticketTypes().stream()
            .map(t -> TicketTypeView.of(t, counts.getOrDefault(t.ticketTypeId(), TypeCounts.ZERO).available()))
            .toList());
  }
}
