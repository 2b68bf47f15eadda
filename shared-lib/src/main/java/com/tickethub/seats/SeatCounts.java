package com.tickethub.seats;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Seats per state, of a row or summed over a ticket type's rows. Always {@code seats == free + held + sold + blocked}. */
public record SeatCounts(long seats, long free, long held, long sold, long blocked) {
  public static final SeatCounts ZERO = new SeatCounts(0, 0, 0, 0, 0);

  /** The counts of each seated ticket type (by id), summed over its rows. */
  public static Map<String, SeatCounts> perType(Collection<SeatRow> rows) {
    Map<String, SeatCounts> counts = new HashMap<>();
    rows.forEach(row -> counts.merge(row.layout().ticketTypeId(), row.counts(), SeatCounts::plus));
    return counts;
  }

  public SeatCounts plus(SeatCounts other) {
    return new SeatCounts(seats + other.seats, free + other.free, held + other.held, sold + other.sold,
        blocked + other.blocked);
  }
}
