package com.tickethub.inventory;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code holds} map shared by the inventory shards and the buyer counters: one entry per order,
 * {@code {q: quantity, exp: epoch seconds}}, written in the same update that changes the counts, so
 * that an order's part of a count is recorded exactly when it is counted.
 */
final class Holds {
  static final String PLACEHOLDER = "#o";

  private Holds() {}

  static AttributeValue value(int quantity, Instant expiresAt) {
    return AttributeValue.fromM(Map.of("q", InventoryRepository.n(quantity),
        "exp", InventoryRepository.n(expiresAt.getEpochSecond())));
  }

  /** The entry of {@code orderId} in an item read back, or null. */
  static Map<String, AttributeValue> of(Map<String, AttributeValue> item, String orderId) {
    AttributeValue holds = item.get("holds");
    if (holds == null || !holds.hasM()) {
      return null;
    }
    AttributeValue entry = holds.m().get(orderId);
    return entry == null ? null : entry.m();
  }

  static int quantity(Map<String, AttributeValue> entry) {
    return Integer.parseInt(entry.get("q").n());
  }

  static Instant expiresAt(Map<String, AttributeValue> entry) {
    AttributeValue exp = entry.get("exp");
    return exp == null ? null : Instant.ofEpochSecond(Long.parseLong(exp.n()));
  }
}
