package com.tickethub.live;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stock of one event read at one moment: its version (the sum of every stock item's change counter
 * {@code v}), the available count per ticket type (summed over its shards, or over its rows' free seats for a
 * seated type; by ticket type id in order), and the stock items themselves by sort key, for seat states.
 */
public record Stock(String eventId, long version, Map<String, Long> available,
    Map<String, Map<String, AttributeValue>> items) {

  public boolean exists() {
    return !available.isEmpty() || !items.isEmpty();
  }
}
