package com.tickethub.tickets;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** A ticket as stored. {@code checkedInAt} and {@code gate} are set by the one successful check-in. */
public record Ticket(
    String ticketId,
    String orderId,
    String eventId,
    String ticketTypeId,
    String holderId,
    TicketStatus status,
    Instant checkedInAt,
    String gate) {

  /**
   * The id of the ticket at {@code position} (0-based) of an order: derived, not random, so that
   * issuing the tickets of an order again (a retried payment event) writes the same tickets.
   */
  public static String idFor(String orderId, int position) {
    return UUID.nameUUIDFromBytes((orderId + "#" + position).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
