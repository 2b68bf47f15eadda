package com.tickethub.live;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How live availability reads seat rows, the second kind of stock item beside the inventory shards:
 * which items they are, each one's seat states and free count, and the seat map a snapshot carries. Bound in
 * {@link LiveModule} to the seat rows' reader ({@code seats.LiveSeatRows}); {@link #NONE} knows no rows.
 */
public interface SeatStock {
  /** The sort-key prefix of the seat-row items under {@code EVENT#id}, or null when there are none. */
  String rowPrefix();

  /** Seat id to state ({@code F}, {@code H}, {@code S}, {@code B}) of one row item; empty for any other item. */
  Map<String, String> states(Map<String, AttributeValue> item);

  /** The ticket type a row item sells and its free seats (its part of the type's {@code available}); empty for any other item. */
  Optional<LiveMessages.TypeAvailability> free(Map<String, AttributeValue> item);

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
    public Optional<LiveMessages.TypeAvailability> free(Map<String, AttributeValue> item) {
      return Optional.empty();
    }

    @Override
    public Object seatMap(Stock stock) {
      return null;
    }
  };
}
