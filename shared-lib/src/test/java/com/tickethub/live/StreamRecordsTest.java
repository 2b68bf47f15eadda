package com.tickethub.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.tickethub.local.invoke.LocalInvoke;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A stream batch as Lambda delivers it (live/stream-batch.json) decoded into stock changes. */
class StreamRecordsTest {
  private final List<StockChange> changes = StreamRecords.decode(batch(), sk -> sk.startsWith("INV#"));

  @Test
  void onlyStockItemsOfEventsAreKeptInStreamOrder() {
    assertEquals(List.of("101", "102", "105"), changes.stream().map(StockChange::sequenceNumber).toList());
    assertEquals(List.of("e1", "e1", "e2"), changes.stream().map(StockChange::eventId).toList());
  }

  @Test
  void aModifyCarriesTheItemBeforeAndAfter() {
    StockChange hold = changes.get(1);
    assertEquals("INV#t1#000", hold.sk());
    assertEquals("10", hold.oldImage().get("available").n());
    assertEquals("8", hold.newImage().get("available").n());
    assertEquals("1", hold.newImage().get("v").n());
  }

  @Test
  void anInsertHasNoOldImageAndARemoveNoNewImage() {
    assertNull(changes.get(0).oldImage());
    assertNull(changes.get(2).newImage());
  }

  @Test
  void mapsListsSetsAndScalarsBecomeTheSdksValues() {
    var image = changes.get(1).newImage();
    assertEquals("2", image.get("holds").m().get("o1").m().get("q").n());
    assertEquals(List.of(AttributeValue.fromS("a"), AttributeValue.fromBool(true), AttributeValue.fromNul(true)),
        image.get("tags").l());
    assertEquals(List.of("x", "y"), image.get("flags").ss());
  }

  @Test
  void anEmptyEventHasNoChanges() {
    assertEquals(List.of(), StreamRecords.decode(new DynamodbEvent(), sk -> true));
  }

  static DynamodbEvent batch() {
    try (InputStream in = StreamRecordsTest.class.getResourceAsStream("/live/stream-batch.json")) {
      return LocalInvoke.EVENTS.readValue(in, DynamodbEvent.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
