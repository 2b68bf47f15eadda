package com.tickethub.tickets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.tickethub.seats.SeatView;
import java.time.Instant;

/** A ticket in API responses, with its signed code (the QR content) and, for a seated type, its seat. */
public record TicketView(
    String ticketId,
    String orderId,
    String eventId,
    String ticketTypeId,
    String holderId,
    TicketStatus status,
    String code,
    @JsonInclude(JsonInclude.Include.NON_NULL) Instant checkedInAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) SeatView seat) {

  static TicketView of(Ticket ticket, String code) {
    return new TicketView(ticket.ticketId(), ticket.orderId(), ticket.eventId(), ticket.ticketTypeId(),
        ticket.holderId(), ticket.status(), code, ticket.checkedInAt(), ticket.seat());
  }
}
