package com.tickethub.orders;

import static com.tickethub.aws.Attributes.n;
import static com.tickethub.aws.Attributes.s;

import com.tickethub.aws.ItemTables;
import com.tickethub.config.TableNames;
import com.tickethub.http.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The order items ({@code pk = ORDER#id, sk = ORDER}) and their indexes: gsi1 finds an order by its
 * PaymentIntent, gsi2 lists a buyer's orders and gsi3 an event's (newest first), gsi4 is the sparse index of
 * open orders (PENDING_PAYMENT, RETAKING, REFUNDING) by the time they are due, which the sweep queries.
 *
 * <p>Every state change is one {@link Transition}: a conditional update from the states it allows, which also
 * appends its history entry and puts the order on or off the open index, so a repeated or late move changes
 * nothing and is never recorded twice.
 */
@Singleton
public class OrderRepository {
  /** Open orders are spread over this many partitions of gsi4, so a big on-sale does not write one hot key. */
  public static final int OPEN_PARTITIONS = 16;
  private static final String SK = OrderSchema.SK;

  private final DynamoDbClient dynamo;
  private final String table;
  private final DynamoDbTable<Order> orders;

  @Inject
  public OrderRepository(DynamoDbClient dynamo, ItemTables items, TableNames tables) {
    this.dynamo = dynamo;
    this.table = tables.main();
    this.orders = items.table(table, OrderSchema.SCHEMA, OrderSchema.PRIMING);
  }

  /** T1 / T1f: writes a new order; false (and nothing written) if an order with its id exists. */
  public boolean create(Order order) {
    try {
      orders.putItem(PutItemEnhancedRequest.builder(Order.class).item(order)
          .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build()).build());
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
    }
  }

  public Optional<Order> find(String orderId) {
    return Optional.ofNullable(orders.getItem(GetItemEnhancedRequest.builder().key(Key.builder()
        .partitionValue(OrderSchema.pk(orderId)).sortValue(SK).build()).consistentRead(true).build()));
  }

  /** The order paid by a PaymentIntent (eventually consistent: gsi1). */
  public Optional<Order> findByPaymentIntent(String paymentIntentId) {
    return orders.index("gsi1").query(QueryEnhancedRequest.builder()
            .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(intentKey(paymentIntentId)).build()))
            .build())
        .iterator().next().items().stream().findFirst();
  }

  /** What a move writes besides the status: extra SET/REMOVE clauses, condition and values. */
  public record Change(String set, String remove, String condition, Map<String, AttributeValue> values) {
    public static final Change NONE = new Change("", "", "", Map.of());

    Change and(Change other) {
      Map<String, AttributeValue> all = new HashMap<>(values);
      all.putAll(other.values);
      return new Change(set + other.set, remove + other.remove, condition + other.condition, all);
    }
  }

  /**
   * Moves the order along {@code transition} if its status is one the transition starts from, its generation is
   * still {@code order.gen()}, and {@code change}'s condition holds; appends {@code entry} to its history in the
   * same write and puts it on or off the open index, due at {@code dueAt}. False (and nothing written) otherwise.
   */
  public boolean move(Order order, Transition transition, Change change, HistoryEntry entry, Instant dueAt) {
    Map<String, AttributeValue> values = new HashMap<>(change.values());
    List<String> from = new ArrayList<>();
    transition.from().forEach(status -> {
      values.put(":from" + from.size(), s(status.name()));
      from.add(":from" + from.size());
    });
    values.put(":to", s(transition.to().name()));
    values.put(":gen", n(order.gen()));
    StringBuilder set = new StringBuilder("SET #status = :to").append(change.set());
    if (entry != null) {
      values.put(":entry", AttributeValue.fromL(List.of(s(Json.write(entry)))));
      set.append(", history = list_append(history, :entry)");
    }
    StringBuilder remove = new StringBuilder(change.remove());
    if (transition.to().open()) {
      values.putAll(due(order.orderId(), dueAt));
      set.append(", dueAt = :dueAt, gsi4pk = :openPk, gsi4sk = :openSk");
    } else {
      remove.append(", dueAt, gsi4pk, gsi4sk");
    }
    String update = set + (remove.isEmpty() ? "" : " REMOVE " + remove.substring(2));
    try {
      dynamo.updateItem(b -> b.tableName(table).key(key(order.orderId()))
          .updateExpression(update)
          .conditionExpression("#status IN (" + String.join(", ", from) + ") AND gen = :gen" + change.condition())
          .expressionAttributeNames(names(update + " #status " + change.condition()))
          .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException notInThatState) {
      return false;
    }
  }

  /**
   * Takes over the work of an open order whose worker's lease ran out (its {@code dueAt} passed: the Lambda that
   * held it is dead), by moving {@code dueAt} to {@code until} on the condition that nobody else did: of several
   * that try at once, one gets the order back (with the new lease), the others empty.
   */
  public Optional<Order> lease(Order order, Instant until) {
    Map<String, AttributeValue> values = new HashMap<>(due(order.orderId(), until));
    values.put(":status", s(order.status().name()));
    values.put(":gen", n(order.gen()));
    values.put(":was", s(order.dueAt().toString()));
    try {
      return Optional.of(OrderSchema.SCHEMA.mapToItem(dynamo.updateItem(b -> b.tableName(table).key(key(order.orderId()))
          .updateExpression("SET dueAt = :dueAt, gsi4pk = :openPk, gsi4sk = :openSk")
          .conditionExpression("#status = :status AND gen = :gen AND dueAt = :was")
          .expressionAttributeNames(Map.of("#status", "status"))
          .expressionAttributeValues(values)
          .returnValues(ReturnValue.ALL_NEW)).attributes()));
    } catch (ConditionalCheckFailedException takenOrMoved) {
      return Optional.empty();
    }
  }

  /**
   * Appends a history entry that records no move (a failed payment attempt, a payment sent back), once per
   * {@code key}, and only while the order's status is one of {@code statuses} (if given); {@code change} may
   * set more (the last payment error).
   */
  public boolean record(String orderId, String key, HistoryEntry entry, Change change, OrderStatus... statuses) {
    Map<String, AttributeValue> values = new HashMap<>(change.values());
    values.put(":entry", AttributeValue.fromL(List.of(s(Json.write(entry)))));
    values.put(":yes", AttributeValue.fromBool(true));
    StringBuilder condition = new StringBuilder("attribute_not_exists(hk.#key)");
    if (statuses.length > 0) {
      List<String> allowed = new ArrayList<>();
      for (OrderStatus status : statuses) {
        values.put(":s" + allowed.size(), s(status.name()));
        allowed.add(":s" + allowed.size());
      }
      condition.append(" AND #status IN (").append(String.join(", ", allowed)).append(")");
    }
    condition.append(change.condition());
    String update = "SET history = list_append(history, :entry), hk.#key = :yes" + change.set();
    Map<String, String> names = names(update + condition);
    names.put("#key", key);
    try {
      dynamo.updateItem(b -> b.tableName(table).key(key(orderId)).updateExpression(update)
          .conditionExpression(condition.toString()).expressionAttributeNames(names).expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException recordedOrMoved) {
      return false;
    }
  }

  /**
   * C: checks in the ticket at {@code position} of a PAID order of {@code eventId}, once: the order comes back
   * as it is after the check-in; empty when the order is not PAID, not of that event, has no such ticket, or
   * the ticket is checked in already. One write per scan; it serializes with a refund on the order item.
   */
  public Optional<Order> checkIn(String orderId, int position, String eventId, Instant at, String gate) {
    try {
      Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(table).key(key(orderId))
          .updateExpression("SET checkins.#p = :checkIn ADD checkedIn :one")
          .conditionExpression("#status = :paid AND attribute_not_exists(checkins.#p) AND eventId = :eventId"
              + " AND ticketCount > :position")
          .expressionAttributeNames(Map.of("#status", "status", "#p", Integer.toString(position)))
          .expressionAttributeValues(Map.of(
              ":checkIn", AttributeValue.fromM(Map.of("at", s(at.toString()), "gate", s(gate))),
              ":one", n(1),
              ":paid", s(OrderStatus.PAID.name()),
              ":eventId", s(eventId),
              ":position", n(position)))
          .returnValues(ReturnValue.ALL_NEW)).attributes();
      return Optional.of(OrderSchema.SCHEMA.mapToItem(item));
    } catch (ConditionalCheckFailedException refused) {
      return Optional.empty();
    }
  }

  /** A page of a list of orders, and where the next one starts (the last order's index key), if there is one. */
  public record Page(List<Order> orders, Optional<Map<String, String>> next) {}

  /** The buyer's orders, newest first (gsi2). */
  public Page buyerOrders(String buyerId, int limit, Optional<Map<String, String>> after) {
    return page("gsi2", buyerKey(buyerId), limit, after);
  }

  /** The event's orders, newest first (gsi3). */
  public Page eventOrders(String eventId, int limit, Optional<Map<String, String>> after) {
    return page("gsi3", eventOrdersKey(eventId), limit, after);
  }

  /**
   * One Query of an index partition, newest first. {@code after} holds the last order's sort key {@code s} and id
   * {@code o}; the partition is always the caller's, so a position can only move within it.
   */
  private Page page(String index, String partition, int limit, Optional<Map<String, String>> after) {
    Map<String, AttributeValue> start = after.map(position -> Map.of(
        index + "pk", s(partition), index + "sk", s(position.get("s")),
        "pk", s(OrderSchema.pk(position.get("o"))), "sk", s(SK))).orElse(null);
    software.amazon.awssdk.enhanced.dynamodb.model.Page<Order> page = orders.index(index).query(QueryEnhancedRequest
            .builder()
            .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()))
            .scanIndexForward(false)
            .limit(limit)
            .exclusiveStartKey(start)
            .build())
        .iterator().next();
    Map<String, AttributeValue> last = page.lastEvaluatedKey();
    Optional<Map<String, String>> next = last == null || last.isEmpty() ? Optional.empty()
        : Optional.of(Map.of("s", last.get(index + "sk").s(), "o", last.get("pk").s().substring(OrderSchema.PK_PREFIX.length())));
    return new Page(page.items(), next);
  }

  /** The open orders of one gsi4 partition due by {@code now}, as the index has them (eventually consistent). */
  public void dueOrders(int partition, Instant now, Consumer<Order> sink) {
    orders.index("gsi4").query(QueryEnhancedRequest.builder()
            .queryConditional(QueryConditional.sortLessThanOrEqualTo(
                Key.builder().partitionValue("OPEN#" + partition).sortValue(dueKey(now, "~")).build()))
            .build())
        .forEach(page -> page.items().forEach(sink));
  }

  /**
   * How many tickets of each type of the event are checked in: a Query of the event's orders (gsi3) that reads
   * only those with check-ins and only what counting needs (eventually consistent).
   */
  public Map<String, Long> checkedInByType(String eventId) {
    Map<String, Long> counts = new HashMap<>();
    dynamo.queryPaginator(b -> b.tableName(table).indexName("gsi3")
            .keyConditionExpression("gsi3pk = :pk")
            .filterExpression("checkedIn > :zero")
            .projectionExpression("#items, checkins")
            .expressionAttributeNames(Map.of("#items", "items"))
            .expressionAttributeValues(Map.of(":pk", s(eventOrdersKey(eventId)), ":zero", n(0))))
        .items()
        .forEach(item -> {
          List<OrderItem> items = OrderSchema.ITEMS_JSON.transformTo(item.get("items"));
          item.get("checkins").m().keySet().forEach(position ->
              counts.merge(typeAt(items, Integer.parseInt(position)), 1L, Long::sum));
        });
    return counts;
  }

  /** The ticket type of the ticket at {@code position} (tickets are numbered over the items, in order). */
  private static String typeAt(List<OrderItem> items, int position) {
    int first = 0;
    for (OrderItem item : items) {
      if (position < first + item.quantity()) {
        return item.ticketTypeId();
      }
      first += item.quantity();
    }
    throw new IllegalStateException("No ticket at position " + position);
  }

  /** {@code #name} for each {@code #name} of the expressions: the attribute of that name. */
  private static Map<String, String> names(String expressions) {
    Map<String, String> names = new HashMap<>();
    java.util.regex.Matcher name = java.util.regex.Pattern.compile("#(\\w+)").matcher(expressions);
    while (name.find()) {
      names.putIfAbsent(name.group(), name.group(1));
    }
    return names;
  }

  private static Map<String, AttributeValue> due(String orderId, Instant dueAt) {
    return Map.of(":dueAt", s(dueAt.toString()), ":openPk", s(openKey(orderId)), ":openSk", s(dueKey(dueAt, orderId)));
  }

  static String intentKey(String paymentIntentId) {
    return "PAYMENT_INTENT#" + paymentIntentId;
  }

  static String buyerKey(String buyerId) {
    return "BUYER#" + buyerId;
  }

  static String eventOrdersKey(String eventId) {
    return "EVENT#" + eventId + "#ORDERS";
  }

  static String openKey(String orderId) {
    return "OPEN#" + Math.floorMod(orderId.hashCode(), OPEN_PARTITIONS);
  }

  /** Sorts by due time as text: zero-padded epoch seconds, then the order id. */
  static String dueKey(Instant dueAt, String orderId) {
    return String.format("%012d#%s", dueAt.getEpochSecond(), orderId);
  }

  private static Map<String, AttributeValue> key(String orderId) {
    return Map.of("pk", s(OrderSchema.pk(orderId)), "sk", s(SK));
  }
}
