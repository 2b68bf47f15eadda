package com.tickethub.tickets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.tickethub.seats.SeatView;
import java.time.Instant;

/**
 * The outcome of one gate scan. For {@code VALID} and {@code ALREADY_USED}, {@code checkedInAt} and
 * {@code gate} are those of the first (the only) check-in, and {@code seat} the ticket's seat (for a seated type);
 * fields not known for a result are null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scan(
    ScanResult result,
    String ticketId,
    String eventId,
    String ticketTypeId,
    String ticketTypeName,
    Instant checkedInAt,
    String gate,
    SeatView seat) {

  Scan(ScanResult result, String ticketId, String eventId, String ticketTypeId, String ticketTypeName,
      Instant checkedInAt, String gate) {
    this(result, ticketId, eventId, ticketTypeId, ticketTypeName, checkedInAt, gate, null);
  }

  static Scan of(ScanResult result) {
    return new Scan(result, null, null, null, null, null, null);
  }
}
