package com.tickethub.seats;

import java.util.List;

/** The body of {@code POST /events/{eventId}/seats/block} and {@code .../unblock}: distinct seat ids. */
public record SeatList(List<String> seats) {
  public static final int MAX_SEATS = 1_000;

  public SeatList {
    SeatId.parseAll("seats", seats, MAX_SEATS);
    seats = List.copyOf(seats);
  }

  public List<SeatId> ids() {
    return SeatId.parseAll("seats", seats, MAX_SEATS);
  }
}
