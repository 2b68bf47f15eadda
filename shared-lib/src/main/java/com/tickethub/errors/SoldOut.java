package com.tickethub.errors;

import java.util.Map;

/** 409 sold_out, with what is still available of each requested ticket type. */
public final class SoldOut extends DomainException {
  private final Map<String, Long> available;

  public SoldOut(Map<String, Long> available) {
    super(409, "sold_out", "Sold out", "Not enough tickets left for this order");
    this.available = Map.copyOf(available);
  }

  public Map<String, Long> available() {
    return available;
  }

  @Override
  public Map<String, Object> extensions() {
    return Map.of("available", available);
  }
}
