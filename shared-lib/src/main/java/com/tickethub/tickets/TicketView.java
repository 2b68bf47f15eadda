package com.tickethub.tickets;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A ticket in API responses, with its signed code (the QR content). */
public record TicketView(
    String ticketId,
    String orderId,
    String eventId,
    String ticketTypeId,
    String holderId,
    TicketStatus status,
    String code,
    @JsonInclude(JsonInclude.Include.NON_NULL) Instant checkedInAt) {

  static TicketView of(Ticket ticket, String code) {
    return new TicketView(ticket.ticketId(), ticket.orderId(), ticket.eventId(), ticket.ticketTypeId(),
        ticket.holderId(), ticket.status(), code, ticket.checkedInAt());
  }
}
