package com.tickethub.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.http.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LiveMessagesTest {
  /** Seat rows as a seat map module would store them: one attribute per seat, its state as the value. */
  private static final SeatStock ROWS = new SeatStock() {
    @Override
    public String rowPrefix() {
      return "ROW#";
    }

    @Override
    public Map<String, String> states(Map<String, AttributeValue> item) {
      Map<String, String> states = new LinkedHashMap<>();
      item.forEach((name, value) -> {
        if (name.startsWith("A-")) {
          states.put(name, value.s());
        }
      });
      return states;
    }

    @Override
    public Optional<LiveMessages.TypeAvailability> free(Map<String, AttributeValue> item) {
      return Optional.empty();
    }

    @Override
    public Object seatMap(Stock stock) {
      return Map.of("version", stock.version());
    }
  };

  @Test
  void changesListEveryTypesAbsoluteCountAndOnlyTheSeatsThatChanged() {
    Stock stock = new Stock("e1", 12, Map.of("t1", 8L, "t2", 40L),
        Map.of("ROW#A-1", Map.of("A-1-1", AttributeValue.fromS("H"), "A-1-2", AttributeValue.fromS("F"))));
    Coalescing.EventBatch batch = new Coalescing.EventBatch("e1", "7", 2,
        Map.of("ROW#A-1", Map.of("A-1-1", AttributeValue.fromS("F"), "A-1-2", AttributeValue.fromS("F"))));

    JsonNode message = Json.MAPPER.valueToTree(LiveMessages.changes(new Stock(stock.eventId(), stock.version(),
        new java.util.TreeMap<>(stock.available()), stock.items()), 10, batch, ROWS));

    assertEquals("changes", message.path("type").asText());
    assertEquals(10, message.path("fromVersion").asLong());
    assertEquals(12, message.path("version").asLong());
    assertEquals(List.of("t1", "t2"), List.of(message.path("ticketTypes").path(0).path("ticketTypeId").asText(),
        message.path("ticketTypes").path(1).path("ticketTypeId").asText()));
    assertEquals(8, message.path("ticketTypes").path(0).path("available").asLong());
    assertEquals(Map.of("A-1-1", "H"), Json.MAPPER.convertValue(message.path("seats"), Map.class));
  }

  @Test
  void aGeneralAdmissionEventHasEmptySeatChangesAndANullSeatMap() {
    Stock stock = new Stock("e1", 3, Map.of("t1", 5L), Map.of());
    JsonNode changes = Json.MAPPER.valueToTree(LiveMessages.changes(stock, 2,
        new Coalescing.EventBatch("e1", "1", 1, Map.of("INV#t1#000", Map.of())), SeatStock.NONE));
    JsonNode snapshot = Json.MAPPER.valueToTree(LiveMessages.snapshot(stock, SeatStock.NONE));

    assertEquals(0, changes.path("seats").size());
    assertEquals("snapshot", snapshot.path("type").asText());
    assertEquals(true, snapshot.has("seats") && snapshot.path("seats").isNull());
  }
}
