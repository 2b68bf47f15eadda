package com.tickethub.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code GET /events/{eventId}/stats}: per ticket type, the inventory counts and the check-ins. A seated type's
 * counts are its seats per state ({@code available} the free ones) plus {@code blocked}, the seats its organizer
 * took off sale: {@code capacity == available + held + sold + blocked}.
 */
public record EventStats(String eventId, List<TicketTypeStats> ticketTypes) {

  public record TicketTypeStats(
      String ticketTypeId, String name, long capacity, long held, long sold, long available, long checkedIn,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long blocked) {}
}
