package com.tickethub.events;

import com.tickethub.errors.InvalidRequest;
import com.tickethub.http.Validation;
import java.time.Instant;

/**
 * A ticket type as an organizer asks for it in {@code POST /events}; it cannot hold an invalid value. A seated
 * type ({@code seated: true}) has no capacity or shards of its own: it sells the seats of its category in the
 * event's seat map, so its capacity is their number ({@code capacity} stays null here).
 */
public record NewTicketType(
    String name,
    Long priceCents,
    String currency,
    Integer capacity,
    Integer maxPerOrder,
    Integer maxPerBuyer,
    Instant salesStart,
    Instant salesEnd,
    Integer shards,
    Boolean seated) {

  public static final int MAX_CAPACITY = 1_000_000;
  public static final int MAX_PER_ORDER = 50;
  public static final int DEFAULT_MAX_PER_ORDER = 10;
  public static final int MAX_SHARDS = 100;
  public static final long MAX_PRICE_CENTS = 100_000_000L;

  public NewTicketType {
    name = Validation.text("name", name, 100);
    if (priceCents == null || priceCents < 0 || priceCents > MAX_PRICE_CENTS) {
      throw new InvalidRequest("priceCents", "is required, from 0 to " + MAX_PRICE_CENTS);
    }
    currency = Validation.currency("currency", currency);
    seated = Boolean.TRUE.equals(seated);
    if (seated) {
      if (capacity != null) {
        throw new InvalidRequest("capacity", "must be left out of a seated type: its capacity is its number of seats");
      }
      if (shards != null) {
        throw new InvalidRequest("shards", "must be left out of a seated type: its seats are held row by row");
      }
    } else {
      capacity = Validation.range("capacity", capacity, 1, MAX_CAPACITY);
    }
    maxPerOrder = Validation.range("maxPerOrder", maxPerOrder == null ? DEFAULT_MAX_PER_ORDER : maxPerOrder,
        1, MAX_PER_ORDER);
    if (maxPerBuyer != null) {
      Validation.range("maxPerBuyer", maxPerBuyer, 1, MAX_CAPACITY);
    }
    if (salesStart != null && salesEnd != null && !salesEnd.isAfter(salesStart)) {
      throw new InvalidRequest("salesEnd", "must be after salesStart");
    }
    shards = seated ? 1 : Validation.range("shards", shards == null ? 1 : shards, 1, Math.min(MAX_SHARDS, capacity));
  }
}
