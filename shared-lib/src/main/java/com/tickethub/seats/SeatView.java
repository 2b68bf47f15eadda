package com.tickethub.seats;

/** A ticket's seat in API answers: {@code {"id": "A-1-12", "section": "A", "row": "1", "number": 12}}. */
public record SeatView(String id, String section, String row, int number) {

  public static SeatView of(SeatId seat) {
    return new SeatView(seat.toString(), seat.section(), seat.row(), seat.number());
  }

  public static SeatView of(String seatId) {
    return of(SeatId.parse("seat", seatId));
  }
}
