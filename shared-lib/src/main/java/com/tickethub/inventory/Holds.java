package com.tickethub.inventory;

import static com.tickethub.aws.Attributes.n;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@code holds} map shared by the inventory shards and the buyer counters: one entry per order,
 * {@code {q: quantity, exp: epoch seconds}}, written in the same update that changes the counts, so
 * that an order's part of a count is recorded exactly when it is counted.
 */
final class Holds {
  static final String PLACEHOLDER = "#o";
  private static final Pattern NAME = Pattern.compile("#(\\w+)");

  private final DynamoDbClient dynamo;
  private final String table;
  private final String counter;

  /** The holds of one kind of item in {@code table}, whose count of the orders' parts is {@code counter}. */
  Holds(DynamoDbClient dynamo, String table, String counter) {
    this.dynamo = dynamo;
    this.table = table;
    this.counter = counter;
  }

  /** The item's counter and the order's entry (an empty map when there is no item), strongly consistent. */
  Map<String, AttributeValue> read(Map<String, AttributeValue> key, String orderId) {
    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)
        .projectionExpression("#c, holds.#o")
        .expressionAttributeNames(Map.of("#c", counter, PLACEHOLDER, orderId))).item();
    return item == null ? Map.of() : item;
  }

  /** Moves the expiry of the order's entry (a retried purchase); false if the entry is gone or counts for good. */
  boolean renew(Map<String, AttributeValue> key, String orderId, Instant expiresAt) {
    try {
      dynamo.updateItem(b -> b.tableName(table).key(key)
          .updateExpression("SET holds.#o.exp = :exp")
          .conditionExpression("attribute_exists(holds.#o.exp)")
          .expressionAttributeNames(Map.of(PLACEHOLDER, orderId))
          .expressionAttributeValues(Map.of(":exp", n(expiresAt.getEpochSecond()))));
      return true;
    } catch (ConditionalCheckFailedException goneOrCommitted) {
      return false;
    }
  }

  /**
   * Applies {@code update} (which sees the entry's quantity as {@code :q}) if the order's entry is there and
   * the extra condition holds. The quantity is the entry's own, read first; the condition re-checks it, so a
   * count never moves by anything but what the entry recorded, and at most once. Other {@code #name}s in the
   * expressions stand for the attribute of that name.
   */
  boolean apply(Map<String, AttributeValue> key, String orderId, String update, String extraCondition,
      Map<String, AttributeValue> extraValues) {
    Map<String, AttributeValue> mine = of(read(key, orderId), orderId);
    if (mine == null) {
      return false;
    }
    Map<String, AttributeValue> values = new HashMap<>(extraValues);
    values.put(":q", mine.get("q"));
    Map<String, String> names = new HashMap<>();
    Matcher name = NAME.matcher(update + extraCondition);
    while (name.find()) {
      names.put(name.group(), name.group(1));
    }
    names.put(PLACEHOLDER, orderId);
    try {
      dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression(update)
          .conditionExpression("holds.#o.q = :q" + extraCondition)
          .expressionAttributeNames(names).expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException goneMeanwhile) {
      return false;
    }
  }

  static AttributeValue value(int quantity, Instant expiresAt) {
    return AttributeValue.fromM(Map.of("q", n(quantity),
        "exp", n(expiresAt.getEpochSecond())));
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
