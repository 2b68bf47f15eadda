package com.tickethub.seats;

import com.tickethub.errors.InvalidRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The body of {@code POST /events/{eventId}/seats/block} and {@code .../unblock}: distinct seat ids. */
public record SeatList(List<String> seats) {
  public static final int MAX_SEATS = 1_000;

  public SeatList {
    if (seats == null || seats.isEmpty() || seats.size() > MAX_SEATS) {
      throw new InvalidRequest("seats", "must list 1 to " + MAX_SEATS + " seat ids");
    }
    Set<SeatId> seen = new HashSet<>();
    for (int i = 0; i < seats.size(); i++) {
      if (!seen.add(SeatId.parse("seats[" + i + "]", seats.get(i)))) {
        throw new InvalidRequest("seats[" + i + "]", "repeats seat " + seats.get(i));
      }
    }
    seats = List.copyOf(seats);
  }

  public List<SeatId> ids() {
    List<SeatId> ids = new ArrayList<>(seats.size());
    for (int i = 0; i < seats.size(); i++) {
      ids.add(SeatId.parse("seats[" + i + "]", seats.get(i)));
    }
    return ids;
  }
}
