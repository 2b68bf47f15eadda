package com.tickethub.seats;

import java.util.List;

/** What a block of one row came to: the seats this call changed, or the held and sold seats that refused it. */
public record SeatChange(List<Integer> changed, List<Integer> refused) {
  public SeatChange {
    changed = List.copyOf(changed);
    refused = List.copyOf(refused);
  }
}
