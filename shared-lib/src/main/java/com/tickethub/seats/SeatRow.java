package com.tickethub.seats;

import java.util.Map;

/**
 * A row as read: its layout, the entries of its taken seats (by number; free seats have none), its
 * {@code free} count and its change counter {@code v}. Always {@code free + entries == layout.size()}.
 */
public record SeatRow(RowLayout layout, Map<Integer, SeatEntry> taken, long free, long version) {

  public SeatRow {
    taken = Map.copyOf(taken);
  }

  public SeatState state(int number) {
    SeatEntry entry = taken.get(number);
    return entry == null ? SeatState.FREE : entry.state();
  }

  public boolean isFree(int number) {
    return layout.exists(number) && !taken.containsKey(number);
  }

  /** One character per existing seat, in number order: F, H, S or B. */
  public String states() {
    StringBuilder states = new StringBuilder(layout.size());
    for (int n = 1; n <= layout.seats(); n++) {
      if (layout.exists(n)) {
        states.append(state(n).code());
      }
    }
    return states.toString();
  }

  /** This row's seats per state. */
  public SeatCounts counts() {
    long held = 0;
    long sold = 0;
    long blocked = 0;
    for (SeatEntry entry : taken.values()) {
      switch (entry.state()) {
        case HELD -> held++;
        case SOLD -> sold++;
        case BLOCKED -> blocked++;
        case FREE -> throw new IllegalStateException("a free seat has no entry");
      }
    }
    return new SeatCounts(layout.size(), free, held, sold, blocked);
  }
}
