package com.tickethub.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An event in a list: its definition without the live counts (the event's own page has those). {@code staff}
 * only in the organizer's own list.
 */
public record EventSummary(
    String eventId,
    String organizerId,
    String name,
    String venue,
    Instant startsAt,
    String currency,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> staff,
    List<TicketType> ticketTypes) {

  static EventSummary of(Event event, boolean withStaff) {
    return new EventSummary(event.eventId(), event.organizerId(), event.name(), event.venue(), event.startsAt(),
        event.currency(), withStaff ? event.staff() : null, event.ticketTypes());
  }
}
