package com.tickethub.inventory;

import static com.tickethub.aws.Attributes.n;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@code holds} map shared by the stock shards and the buyer counters: one entry per order,
 * {@code {q: quantity, exp: epoch seconds, g: generation}}, written in the same update that changes the
 * counts, so that an order's part of a count is recorded exactly when it is counted. The generation is the
 * order's: a late payment takes the tickets again under a new one, so a release that acts on what it read of
 * an older state (a repeated cancel, a second expiry message) cannot remove the newer hold
 * (model/PROTOCOL.md, "Entry operations").
 */
final class Holds {
  static final String ORDER = "#o";
  private static final Pattern NAME = Pattern.compile("#(\\w+)");

  private final DynamoDbClient dynamo;
  private final String table;

  Holds(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** The item's {@code counter} and the order's entry (an empty map when there is no item), strongly consistent. */
  Map<String, AttributeValue> read(Map<String, AttributeValue> key, String orderId, String counter) {
    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)
        .projectionExpression("#c, holds.#o")
        .expressionAttributeNames(Map.of("#c", counter, ORDER, orderId))).item();
    return item == null ? Map.of() : item;
  }

  /**
   * Makes the order's entry of generation {@code from} an entry of generation {@code to} expiring at
   * {@code expiresAt}: a retry re-finding its hold ({@code from == to}) or a late payment adopting a hold that
   * an older state of the order had not given back yet. False if the entry is gone or of another generation.
   */
  boolean adopt(Map<String, AttributeValue> key, String orderId, int from, int to, Instant expiresAt) {
    return update(key, orderId, "SET holds.#o.g = :to, holds.#o.exp = :exp", "holds.#o.g = :from",
        Map.of(":from", n(from), ":to", n(to), ":exp", n(expiresAt.getEpochSecond())));
  }

  /**
   * Applies {@code update} if the order's entry is of generation {@code gen} with quantity {@code quantity}
   * (seen as {@code :q}) and {@code extraCondition} holds: so a count moves by what the entry recorded, once,
   * and only for the generation the caller acts for. {@code #name}s in the expressions stand for the
   * attribute of that name. True if this call applied it.
   */
  boolean apply(Map<String, AttributeValue> key, String orderId, int gen, int quantity, String update,
      String extraCondition, Map<String, AttributeValue> extraValues) {
    Map<String, AttributeValue> values = new HashMap<>(extraValues);
    values.put(":g", n(gen));
    values.put(":q", n(quantity));
    return update(key, orderId, update, "holds.#o.g = :g AND holds.#o.q = :q" + extraCondition, values);
  }

  /** One conditional update; false when its condition fails. */
  boolean update(Map<String, AttributeValue> key, String orderId, String update, String condition,
      Map<String, AttributeValue> values) {
    Map<String, String> names = new HashMap<>();
    Matcher name = NAME.matcher(update + " " + condition);
    while (name.find()) {
      names.put(name.group(), name.group(1));
    }
    names.put(ORDER, orderId);
    try {
      dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression(update).conditionExpression(condition)
          .expressionAttributeNames(names).expressionAttributeValues(values.isEmpty() ? null : values));
      return true;
    } catch (ConditionalCheckFailedException conditionFailed) {
      return false;
    }
  }

  /**
   * The order's entries in the items of one partition whose sort key starts with {@code prefix} (one paginated
   * Query that projects only that entry): for the reconciliation of an order, which must find every entry it
   * has, also those a crashed attempt took where the order does not say.
   */
  void entries(String pk, String prefix, String orderId, List<String> attributes,
      Consumer<Map<String, AttributeValue>> sink) {
    Map<String, String> names = new HashMap<>(Map.of(ORDER, orderId));
    StringBuilder projection = new StringBuilder("holds.#o");
    for (int i = 0; i < attributes.size(); i++) {
      names.put("#a" + i, attributes.get(i));
      projection.append(", #a").append(i);
    }
    dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
            .projectionExpression(projection.toString())
            .expressionAttributeNames(names)
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":prefix", AttributeValue.fromS(prefix))))
        .items()
        .forEach(item -> {
          if (of(item, orderId) != null) {
            sink.accept(item);
          }
        });
  }

  static AttributeValue value(int quantity, Instant expiresAt, int gen) {
    return AttributeValue.fromM(Map.of("q", n(quantity), "exp", n(expiresAt.getEpochSecond()), "g", n(gen)));
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

  static int gen(Map<String, AttributeValue> entry) {
    return Integer.parseInt(entry.get("g").n());
  }

  /** Null for a buyer entry of a paid order, which counts for good. */
  static Instant expiresAt(Map<String, AttributeValue> entry) {
    AttributeValue exp = entry.get("exp");
    return exp == null ? null : Instant.ofEpochSecond(Long.parseLong(exp.n()));
  }
}
