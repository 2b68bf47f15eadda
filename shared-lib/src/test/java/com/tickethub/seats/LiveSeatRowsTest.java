package com.tickethub.seats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.tickethub.live.Coalescing;
import com.tickethub.live.LiveMessages;
import com.tickethub.live.Stock;
import com.tickethub.live.StockChange;
import com.tickethub.live.StreamRecords;
import com.tickethub.local.invoke.LocalInvoke;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A seat row's stream record (live/seat-row-batch.json: row A-1 of six seats, seat 3 skipped, 1 sold and 6 blocked
 * before; seats 4 and 5 held by one write) as live availability decodes it.
 */
class LiveSeatRowsTest {
  /** Decoding needs no event item: that is read only for a snapshot's seat map. */
  private final LiveSeatRows rows = new LiveSeatRows(null);
  private final List<StockChange> changes = StreamRecords.decode(batch(), sk -> sk.startsWith(rows.rowPrefix()));

  @Test
  void aRowRecordIsAStockChangeOfItsEvent() {
    assertEquals(1, changes.size());
    assertEquals("e1", changes.get(0).eventId());
    assertEquals("ROW#A#1", changes.get(0).sk());
  }

  @Test
  void aRowImageGivesEveryExistingSeatItsState() {
    assertEquals(Map.of("A-1-1", "S", "A-1-2", "F", "A-1-4", "H", "A-1-5", "H", "A-1-6", "B"),
        rows.states(changes.get(0).newImage()));
    assertEquals(Map.of("A-1-1", "S", "A-1-2", "F", "A-1-4", "F", "A-1-5", "F", "A-1-6", "B"),
        rows.states(changes.get(0).oldImage()));
  }

  @Test
  void aRowCountsItsFreeSeatsForItsTicketType() {
    assertEquals(Optional.of(new LiveMessages.TypeAvailability("stalls", 1)), rows.free(changes.get(0).newImage()));
  }

  @Test
  void changesNameOnlyTheSeatsTheBatchChangedWithTheTypesFreeSeats() {
    Map<String, Map<String, AttributeValue>> items = Map.of("ROW#A#1", changes.get(0).newImage());
    Stock now = new Stock("e1", 8, new TreeMap<>(Map.of("stalls", 1L)), items);

    LiveMessages.Changes message = LiveMessages.changes(now, 7, Coalescing.byEvent(changes).get(0), rows);

    assertEquals(Map.of("A-1-4", "H", "A-1-5", "H"), message.seats());
    assertEquals(List.of(new LiveMessages.TypeAvailability("stalls", 1)), message.ticketTypes());
  }

  @Test
  void otherItemsAreNotRows() {
    Map<String, AttributeValue> shard = Map.of("sk", AttributeValue.fromS("INV#t1#000"),
        "ticketTypeId", AttributeValue.fromS("t1"), "available", AttributeValue.fromN("5"));
    assertEquals(Map.of(), rows.states(shard));
    assertEquals(Optional.empty(), rows.free(shard));
    assertEquals(Map.of(), rows.states(Map.of()));
  }

  private static DynamodbEvent batch() {
    try (InputStream in = LiveSeatRowsTest.class.getResourceAsStream("/live/seat-row-batch.json")) {
      return LocalInvoke.EVENTS.readValue(in, DynamodbEvent.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
