package com.tickethub.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How a batch of stock changes becomes few messages: one per event however many records the batch holds
 * for it, and no two messages of one event closer than {@link #MIN_INTERVAL}.
 */
public final class Coalescing {
  /** The contract: at most one {@code changes} message per 250 ms per event and connection. */
  public static final Duration MIN_INTERVAL = Duration.ofMillis(250);

  private Coalescing() {}

  /**
   * The changes of one event in a batch: the first record's sequence number (where a retry starts), how
   * many records there were, and each touched item as it was before the batch (an empty map for an item
   * the batch created), from which the seats that changed are found.
   */
  public record EventBatch(String eventId, String firstSequence, int records,
      Map<String, Map<String, AttributeValue>> before) {}

  /** The batch's changes grouped by event, events in the order of their first record. */
  public static List<EventBatch> byEvent(List<StockChange> changes) {
    Map<String, String> first = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, Map<String, Map<String, AttributeValue>>> before = new LinkedHashMap<>();
    for (StockChange change : changes) {
      first.putIfAbsent(change.eventId(), change.sequenceNumber());
      counts.merge(change.eventId(), 1, Integer::sum);
      before.computeIfAbsent(change.eventId(), e -> new LinkedHashMap<>())
          .putIfAbsent(change.sk(), change.oldImage() == null ? Map.of() : change.oldImage());
    }
    List<EventBatch> batches = new ArrayList<>();
    first.forEach((eventId, sequence) ->
        batches.add(new EventBatch(eventId, sequence, counts.get(eventId), before.get(eventId))));
    return batches;
  }

  /** How long to wait before sending, given when the event's last message went out (null: never). */
  public static Duration delay(Instant lastSent, Instant now) {
    if (lastSent == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(now, lastSent.plus(MIN_INTERVAL));
    return left.isNegative() ? Duration.ZERO : left;
  }
}
