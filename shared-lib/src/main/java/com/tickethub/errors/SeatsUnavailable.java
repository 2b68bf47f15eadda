package com.tickethub.errors;

import java.util.List;
import java.util.Map;

/** 409 seats_unavailable: some of the asked seats are not free (held, sold or blocked); {@code seats} names them. */
public final class SeatsUnavailable extends DomainException {
  private final List<String> seats;

  public SeatsUnavailable(List<String> seats, String detail) {
    super(409, "seats_unavailable", "Seats unavailable", detail);
    this.seats = List.copyOf(seats);
  }

  public List<String> seats() {
    return seats;
  }

  @Override
  public Map<String, Object> extensions() {
    return Map.of("seats", seats);
  }
}
