package com.tickethub.events;

import java.util.List;

/** {@code GET /events/{eventId}/stats}: per ticket type, the inventory counts and the check-ins. */
public record EventStats(String eventId, List<TicketTypeStats> ticketTypes) {

  public record TicketTypeStats(
      String ticketTypeId, String name, long capacity, long held, long sold, long available, long checkedIn) {}
}
