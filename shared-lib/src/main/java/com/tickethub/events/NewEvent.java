package com.tickethub.events;

import com.tickethub.errors.InvalidRequest;
import com.tickethub.http.Validation;
import com.tickethub.seats.NewRow;
import com.tickethub.seats.NewSeating;
import com.tickethub.seats.NewSection;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /events}; the rules that need the clock live in {@link EventService}. With a
 * {@code seating}, every row's category is a seated ticket type and every seated type has seats.
 */
public record NewEvent(String name, String venue, Instant startsAt, List<String> staff, List<NewTicketType> ticketTypes,
    NewSeating seating) {
  public static final int MAX_TICKET_TYPES = 50;
  public static final int MAX_STAFF = 200;

  public NewEvent {
    name = Validation.text("name", name, 200);
    venue = Validation.text("venue", venue, 200);
    if (startsAt == null) {
      throw new InvalidRequest("startsAt", "is required");
    }
    staff = staff == null ? List.of() : Validation.subs("staff", staff, MAX_STAFF);
    if (ticketTypes == null || ticketTypes.isEmpty() || ticketTypes.size() > MAX_TICKET_TYPES) {
      throw new InvalidRequest("ticketTypes", "must have 1 to " + MAX_TICKET_TYPES + " entries");
    }
    for (int i = 0; i < ticketTypes.size(); i++) {
      if (ticketTypes.get(i) == null) {
        throw new InvalidRequest("ticketTypes[" + i + "]", "must be an object");
      }
      if (!ticketTypes.get(i).currency().equals(ticketTypes.get(0).currency())) {
        throw new InvalidRequest("ticketTypes[" + i + "].currency", "must be the same for every ticket type");
      }
    }
    if (new HashSet<>(ticketTypes.stream().map(NewTicketType::name).toList()).size() != ticketTypes.size()) {
      throw new InvalidRequest("ticketTypes", "names must be unique within the event");
    }
    ticketTypes = List.copyOf(ticketTypes);
    checkSeating(ticketTypes, seating);
  }

  /** The capacity the type will have: its own, or for a seated type the number of seats of its category. */
  public int capacityOf(NewTicketType type) {
    return type.seated() ? seating.seatsOf(type.name()) : type.capacity();
  }

  private static void checkSeating(List<NewTicketType> types, NewSeating seating) {
    Set<String> seated = new HashSet<>();
    for (NewTicketType type : types) {
      if (type.seated()) {
        seated.add(type.name());
      }
    }
    if (seating == null) {
      for (int i = 0; i < types.size(); i++) {
        if (types.get(i).seated()) {
          throw new InvalidRequest("ticketTypes[" + i + "].seated", "a seated type needs the event's seating");
        }
      }
      return;
    }
    for (int s = 0; s < seating.sections().size(); s++) {
      NewSection section = seating.sections().get(s);
      for (int r = 0; r < section.rows().size(); r++) {
        NewRow row = section.rows().get(r);
        if (!seated.contains(row.category())) {
          throw new InvalidRequest("seating.sections[" + s + "].rows[" + r + "].category",
              "\"" + row.category() + "\" is not the name of a seated ticket type");
        }
      }
    }
    for (int i = 0; i < types.size(); i++) {
      if (types.get(i).seated() && seating.seatsOf(types.get(i).name()) == 0) {
        throw new InvalidRequest("ticketTypes[" + i + "]",
            "seated type \"" + types.get(i).name() + "\" has no seats: no row has it as its category");
      }
    }
  }
}
