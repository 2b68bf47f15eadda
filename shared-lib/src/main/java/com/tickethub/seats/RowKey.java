package com.tickethub.seats;

/** Which row item: the event and the row's section and row ids. */
public record RowKey(String eventId, String section, String row) {

  public static RowKey of(String eventId, SeatId seat) {
    return new RowKey(eventId, seat.section(), seat.row());
  }

  public static RowKey of(String eventId, RowLayout layout) {
    return new RowKey(eventId, layout.section(), layout.row());
  }

  @Override
  public String toString() {
    return eventId + "/" + section + "-" + row;
  }
}
