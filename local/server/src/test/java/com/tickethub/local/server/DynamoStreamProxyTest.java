package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.local.stack.DynamoStreamProxy;
import com.tickethub.local.stack.LocalAws;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** The stream emulation in front of dynalite, as every function of the local server reaches it. */
class DynamoStreamProxyTest {
  private static final String PREFIX = "PROXY#stream-";
  private static final List<JsonNode> RECORDS = new CopyOnWriteArrayList<>();
  private static LocalAws aws;
  private static String table;

  @BeforeAll
  static void readTheStream() {
    aws = TestServer.get().aws();
    table = aws.tableName("MainTable");
    aws.streams().read(table, new DynamoStreamProxy.Reader(
        key -> key.path("pk").path("S").asText().startsWith(PREFIX), RECORDS::add));
  }

  /**
   * Linux delays an ACK by at least 40 ms; a server that sends headers and body as two segments without TCP_NODELAY
   * waits for that ACK on every answer but a new connection's first (52 ms per request). The fastest of 20 requests
   * on a warm connection shows whether any answer came without the wait, however busy the machine.
   */
  @Test
  void answersWithoutWaitingForADelayedAck() {
    Runnable getItem = () -> aws.dynamo().getItem(b -> b.tableName(table).key(Map.of(
        "pk", AttributeValue.fromS("PROXY#latency"), "sk", AttributeValue.fromS("NONE"))));
    getItem.run();
    long fastest = Long.MAX_VALUE;
    for (int i = 0; i < 20; i++) {
      long start = System.nanoTime();
      getItem.run();
      fastest = Math.min(fastest, System.nanoTime() - start);
    }
    assertTrue(fastest < 35_000_000, "the fastest of 20 GetItems took " + fastest / 1_000_000 + " ms");
  }

  @Test
  void anUpdateThatAskedForNoValuesGetsNoneAndItsRecordHasBothImages() {
    Map<String, AttributeValue> key = newItem(10);

    var answer = aws.dynamo().updateItem(b -> b.tableName(table).key(key).updateExpression("SET available = :n")
        .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("9"))));

    assertFalse(answer.hasAttributes());
    JsonNode record = lastRecord(key);
    assertEquals("MODIFY", record.path("eventName").asText());
    assertEquals("10", record.at("/dynamodb/OldImage/available/N").asText());
    assertEquals("9", record.at("/dynamodb/NewImage/available/N").asText());
  }

  @Test
  void anUpdateThatAskedForTheNewItemGetsIt() {
    Map<String, AttributeValue> key = newItem(10);

    var answer = aws.dynamo().updateItem(b -> b.tableName(table).key(key).updateExpression("SET available = :n")
        .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("8"))).returnValues(ReturnValue.ALL_NEW));

    assertEquals("8", answer.attributes().get("available").n());
    assertEquals("8", lastRecord(key).at("/dynamodb/NewImage/available/N").asText());
  }

  @Test
  void anUpdateThatAskedForOtherValuesGetsThemAndItsRecordHasBothImages() {
    Map<String, AttributeValue> key = newItem(10);

    var answer = aws.dynamo().updateItem(b -> b.tableName(table).key(key).updateExpression("SET available = :n")
        .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("7"))).returnValues(ReturnValue.UPDATED_OLD));

    assertEquals(Map.of("available", AttributeValue.fromN("10")), answer.attributes());
    JsonNode record = lastRecord(key);
    assertEquals("10", record.at("/dynamodb/OldImage/available/N").asText());
    assertEquals("7", record.at("/dynamodb/NewImage/available/N").asText());
  }

  @Test
  void aPutThatReplacesAnItemHasTheStoredItemAsItsNewImage() {
    Map<String, AttributeValue> key = newItem(10);

    var answer = aws.dynamo().putItem(b -> b.tableName(table).item(item(key, "5.50")));

    assertFalse(answer.hasAttributes());
    JsonNode record = lastRecord(key);
    assertEquals("MODIFY", record.path("eventName").asText());
    assertEquals("10", record.at("/dynamodb/OldImage/available/N").asText());
    String stored = aws.dynamo().getItem(b -> b.tableName(table).key(key).consistentRead(true)).item()
        .get("available").n(); // "5.5" on dynalite and DynamoDB, which normalize numbers; "5.50" on moto
    assertEquals(stored, record.at("/dynamodb/NewImage/available/N").asText());
  }

  @Test
  void aPutThatAskedForTheOldItemGetsIt() {
    Map<String, AttributeValue> key = newItem(10);

    var answer = aws.dynamo().putItem(b -> b.tableName(table).item(item(key, "4")).returnValues(ReturnValue.ALL_OLD));

    assertEquals("10", answer.attributes().get("available").n());
  }

  @Test
  void aDeleteRecordHasTheOldImageAndNoNewOne() {
    Map<String, AttributeValue> key = newItem(10);

    var answer = aws.dynamo().deleteItem(b -> b.tableName(table).key(key));

    assertFalse(answer.hasAttributes());
    JsonNode record = lastRecord(key);
    assertEquals("REMOVE", record.path("eventName").asText());
    assertEquals("10", record.at("/dynamodb/OldImage/available/N").asText());
    assertTrue(record.path("dynamodb").path("NewImage").isMissingNode());
  }

  @Test
  void aWriteWhoseConditionFailsMakesNoRecord() {
    Map<String, AttributeValue> key = newItem(10);
    int before = RECORDS.size();

    assertThrows(ConditionalCheckFailedException.class, () -> aws.dynamo().updateItem(b -> b.tableName(table).key(key)
        .updateExpression("SET available = :n").conditionExpression("available > :n")
        .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("20")))));

    assertEquals(before, RECORDS.size());
  }

  /** A new item of the stream's readers with {@code available}; its INSERT record is in {@link #RECORDS}. */
  private static Map<String, AttributeValue> newItem(int available) {
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS(PREFIX + UUID.randomUUID()),
        "sk", AttributeValue.fromS("INV"));
    aws.dynamo().putItem(b -> b.tableName(table).item(item(key, String.valueOf(available))));
    assertEquals("INSERT", lastRecord(key).path("eventName").asText());
    return key;
  }

  private static Map<String, AttributeValue> item(Map<String, AttributeValue> key, String available) {
    return Map.of("pk", key.get("pk"), "sk", key.get("sk"), "available", AttributeValue.fromN(available));
  }

  /** Records come in the writing request's thread, so the last write's record is there when its answer is. */
  private static JsonNode lastRecord(Map<String, AttributeValue> key) {
    return RECORDS.stream().filter(r -> r.at("/dynamodb/Keys/pk/S").asText().equals(key.get("pk").s()))
        .reduce((first, second) -> second).orElseThrow();
  }
}
