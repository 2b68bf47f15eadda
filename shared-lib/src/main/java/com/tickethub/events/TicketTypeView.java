package com.tickethub.events;

import java.time.Instant;

/** A ticket type in API responses: its definition and how many are still available. */
public record TicketTypeView(
    String ticketTypeId,
    String name,
    long priceCents,
    String currency,
    int capacity,
    int maxPerOrder,
    Integer maxPerBuyer,
    Instant salesStart,
    Instant salesEnd,
    int shards,
    boolean seated,
    long available) {

  static TicketTypeView of(TicketType type, long available) {
    return new TicketTypeView(type.ticketTypeId(), type.name(), type.priceCents(), type.currency(), type.capacity(),
        type.maxPerOrder(), type.maxPerBuyer(), type.salesStart(), type.salesEnd(), type.shards(), type.seated(),
        available);
  }
}
