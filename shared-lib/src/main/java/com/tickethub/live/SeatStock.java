package com.tickethub.live;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How live availability reads seat rows, the second kind of stock item beside the inventory shards:
 * which items they are, each one's seat states, and the seat map a snapshot carries. Bound in
 * {@link LiveModule}; an event without a seat map has no rows, so {@link #NONE} answers for GA events
 * until the seat map's module binds its own.
 */
public interface SeatStock {
  /** The sort-key prefix of the seat-row items under {@code EVENT#id}, or null when there are none. */
  String rowPrefix();

  /** Seat id to state ({@code F}, {@code H}, {@code S}, {@code B}) of one row item; empty for any other item. */
  Map<String, String> states(Map<String, AttributeValue> item);

  /** The {@code GET /events/{id}/seats} body for a snapshot at {@code stock}, or null when the event has no seat map. */
  Object seatMap(Stock stock);

  SeatStock NONE = new SeatStock() {
    @Override
    public String rowPrefix() {
      return null;
    }

    @Override
    public Map<String, String> states(Map<String, AttributeValue> item) {
      return Map.of();
    }

    @Override
    public Object seatMap(Stock stock) {
      return null;
    }
  };
}
