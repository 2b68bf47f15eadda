package com.tickethub.events;

import com.tickethub.seats.Seating;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An event as stored: who organizes it, who may scan at its gates, what it sells. {@code seating} is null for
 * an event without a seat map.
 */
public record Event(
    String eventId,
    String organizerId,
    String name,
    String venue,
    Instant startsAt,
    String currency,
    List<String> staff,
    List<TicketType> ticketTypes,
    Instant createdAt,
    Seating seating) {

  public Optional<TicketType> ticketType(String ticketTypeId) {
    return ticketTypes.stream().filter(t -> t.ticketTypeId().equals(ticketTypeId)).findFirst();
  }
}
