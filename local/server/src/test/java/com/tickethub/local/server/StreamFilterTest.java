package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Which items' writes the emulated stream captures for a reader, decided by its filters on the key alone. */
class StreamFilterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The broadcaster's filters in template.yaml: inventory shards and seat rows. */
  private static final List<JsonNode> STOCK = List.of(
      pattern("{\"dynamodb\": {\"Keys\": {\"sk\": {\"S\": [{\"prefix\": \"INV#\"}]}}}}"),
      pattern("{\"dynamodb\": {\"Keys\": {\"sk\": {\"S\": [{\"prefix\": \"ROW#\"}]}}}}"));

  @Test
  void keyFiltersWantOnlyTheItemsTheyCanPass() {
    Predicate<ObjectNode> wanted = StreamFilter.keys(STOCK);

    assertTrue(wanted.test(key("EVENT#e1", "INV#vip#3")));
    assertTrue(wanted.test(key("EVENT#e1", "ROW#A#12")));
    assertFalse(wanted.test(key("ORDER#o1", "ORDER")));
    assertFalse(wanted.test(key("IDEMPOTENCY#k", "IDEMPOTENCY")));
  }

  @Test
  void filtersOnMoreThanTheKeysWantEveryItem() {
    Predicate<ObjectNode> wanted = StreamFilter.keys(List.of(pattern("{\"eventName\": [\"MODIFY\"]}")));

    assertTrue(wanted.test(key("ORDER#o1", "ORDER")));
  }

  @Test
  void noFilterWantsEveryItem() {
    assertTrue(StreamFilter.keys(List.of()).test(key("ORDER#o1", "ORDER")));
  }

  private static ObjectNode key(String pk, String sk) {
    ObjectNode key = JSON.createObjectNode();
    key.putObject("pk").put("S", pk);
    key.putObject("sk").put("S", sk);
    return key;
  }

  private static JsonNode pattern(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
