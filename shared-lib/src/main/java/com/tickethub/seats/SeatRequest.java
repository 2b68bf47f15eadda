package com.tickethub.seats;

import java.util.List;

/**
 * What a purchase line asks of a seated type: the {@code chosen} seats, or (when none are chosen) the best
 * available {@code quantity}, adjacent in one row if {@code together}, with {@code accessible} accessible seats
 * among them. {@code resumed} says the order may already hold seats from an attempt that died (a retried
 * purchase, or a late payment taking the order's seats again), which a best-available pick must find first.
 */
public record SeatRequest(List<SeatId> chosen, boolean together, int accessible, boolean resumed) {

  public SeatRequest {
    chosen = List.copyOf(chosen);
  }

  public static SeatRequest chosen(List<SeatId> seats) {
    return new SeatRequest(seats, false, 0, true);
  }

  public boolean bestAvailable() {
    return chosen.isEmpty();
  }
}
