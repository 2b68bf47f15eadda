package com.tickethub.seats;

import java.util.List;

/**
 * What {@link SeatRepository#hold} came to in one row: every asked seat is now held by the order's generation,
 * or {@code unavailable} names the seats that are not free (held or sold by others, or blocked) and this call
 * held nothing in the row.
 */
public record SeatHold(List<Integer> unavailable) {
  public static final SeatHold HELD = new SeatHold(List.of());

  public SeatHold {
    unavailable = List.copyOf(unavailable);
  }

  public boolean held() {
    return unavailable.isEmpty();
  }
}
