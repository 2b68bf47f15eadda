package com.tickethub.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An event as stored: who organizes it, who may scan at its gates, what it sells. */
public record Event(
    String eventId,
    String organizerId,
    String name,
    String venue,
    Instant startsAt,
    String currency,
    List<String> staff,
    List<TicketType> ticketTypes,
    Instant createdAt) {

  public Optional<TicketType> ticketType(String ticketTypeId) {
    return ticketTypes.stream().filter(t -> t.ticketTypeId().equals(ticketTypeId)).findFirst();
  }
}
