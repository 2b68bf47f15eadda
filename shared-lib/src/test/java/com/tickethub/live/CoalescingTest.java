package com.tickethub.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CoalescingTest {
  private static final Instant T = Instant.parse("2027-03-01T19:00:00Z");

  @Test
  void aBurstOfChangesToOneEventIsOneBatchOfThatEvent() {
    List<StockChange> burst = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      burst.add(change(String.valueOf(100 + i), "e1", "INV#t1#00" + (i % 3), i, i + 1));
    }
    List<Coalescing.EventBatch> batches = Coalescing.byEvent(burst);
    assertEquals(1, batches.size());
    assertEquals(50, batches.get(0).records());
    assertEquals("100", batches.get(0).firstSequence());
    assertEquals(3, batches.get(0).before().size());
  }

  @Test
  void eventsComeInTheOrderOfTheirFirstRecord() {
    List<Coalescing.EventBatch> batches = Coalescing.byEvent(List.of(change("1", "b", "INV#x", 0, 1),
        change("2", "a", "INV#y", 0, 1), change("3", "b", "INV#x", 1, 2)));
    assertEquals(List.of("b", "a"), batches.stream().map(Coalescing.EventBatch::eventId).toList());
    assertEquals("2", batches.get(1).firstSequence());
  }

  @Test
  void anItemIsSeenAsItWasBeforeItsFirstRecordInTheBatch() {
    Coalescing.EventBatch batch = Coalescing.byEvent(List.of(change("1", "e", "INV#x", 4, 5),
        change("2", "e", "INV#x", 5, 6))).get(0);
    assertEquals("4", batch.before().get("INV#x").get("v").n());
  }

  @Test
  void anItemTheBatchCreatedWasEmptyBefore() {
    StockChange insert = new StockChange("1", "e", "INV#x", null, Map.of("v", AttributeValue.fromN("0")));
    assertEquals(Map.of(), Coalescing.byEvent(List.of(insert)).get(0).before().get("INV#x"));
  }

  @Test
  void theFirstMessageOfAnEventGoesAtOnce() {
    assertEquals(Duration.ZERO, Coalescing.delay(null, T));
  }

  @Test
  void aMessageWaitsUntil250MillisecondsAfterThePrevious() {
    assertEquals(Duration.ofMillis(150), Coalescing.delay(T, T.plusMillis(100)));
  }

  @Test
  void aMessageLaterThan250MillisecondsGoesAtOnce() {
    assertEquals(Duration.ZERO, Coalescing.delay(T, T.plusMillis(900)));
  }

  private static StockChange change(String sequence, String eventId, String sk, long vBefore, long vAfter) {
    return new StockChange(sequence, eventId, sk, Map.of("v", AttributeValue.fromN(String.valueOf(vBefore))),
        Map.of("v", AttributeValue.fromN(String.valueOf(vAfter))));
  }
}
