package com.tickethub.tickets;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The outcome of one gate scan. For {@code VALID} and {@code ALREADY_USED}, {@code checkedInAt} and
 * {@code gate} are those of the first (the only) check-in; fields not known for a result are null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scan(
    ScanResult result,
    String ticketId,
    String eventId,
    String ticketTypeId,
    String ticketTypeName,
    Instant checkedInAt,
    String gate) {

  static Scan of(ScanResult result) {
    return new Scan(result, null, null, null, null, null, null);
  }
}
