package com.tickethub.errors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.tickethub.http.Json;
import com.tickethub.tickets.Scan;
import java.util.Locale;
import java.util.Map;

/**
 * 409/422: a scan that does not let the ticket in. The problem document carries the scan's members
 * ({@code result}, and the first {@code checkedInAt} and {@code gate} for ALREADY_USED).
 */
public final class TicketRejected extends DomainException {
  private final transient Scan scan;

  public TicketRejected(Scan scan, String detail) {
    super(scan.result().status(), scan.result().name().toLowerCase(Locale.ROOT), "Ticket rejected", detail);
    this.scan = scan;
  }

  public Scan scan() {
    return scan;
  }

  @Override
  public Map<String, Object> extensions() {
    return Json.MAPPER.convertValue(scan, new TypeReference<Map<String, Object>>() {});
  }
}
