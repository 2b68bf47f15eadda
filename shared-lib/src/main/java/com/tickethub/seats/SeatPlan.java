package com.tickethub.seats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An event's seat map without its states: the focus and every row's layout, by row key. */
public record SeatPlan(Point focus, List<RowLayout> rows, Map<String, RowLayout> byKey) {

  public static SeatPlan of(Point focus, List<RowLayout> rows) {
    Map<String, RowLayout> byKey = new HashMap<>();
    rows.forEach(row -> byKey.put(row.key(), row));
    return new SeatPlan(focus, List.copyOf(rows), Map.copyOf(byKey));
  }

  public Optional<RowLayout> row(SeatId seat) {
    return Optional.ofNullable(byKey.get(seat.rowKey()));
  }

  /** True if the seat exists and sells as the ticket type {@code ticketTypeId}. */
  public boolean sells(SeatId seat, String ticketTypeId) {
    return row(seat).filter(r -> r.exists(seat.number()) && r.ticketTypeId().equals(ticketTypeId)).isPresent();
  }

  public List<RowLayout> rowsOf(String ticketTypeId) {
    return rows.stream().filter(r -> r.ticketTypeId().equals(ticketTypeId)).toList();
  }
}
