package com.tickethub.events;

import java.time.Instant;

/**
 * A ticket type of an event, as stored. {@code maxPerBuyer} is null when there is no per-buyer cap. A
 * {@code seated} type sells the seats of its category in the event's seat map (its capacity is their number);
 * its stock is the rows, not inventory shards.
 */
public record TicketType(
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
    boolean seated) {

  public boolean onSaleAt(Instant now) {
    return (salesStart == null || !now.isBefore(salesStart)) && (salesEnd == null || now.isBefore(salesEnd));
  }
}
