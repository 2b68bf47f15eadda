package com.tickethub.events;

import com.tickethub.errors.InvalidRequest;
import com.tickethub.http.Validation;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/** The body of {@code POST /events}; the rules that need the clock live in {@link EventService}. */
public record NewEvent(String name, String venue, Instant startsAt, List<String> staff, List<NewTicketType> ticketTypes) {
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
  }
}
