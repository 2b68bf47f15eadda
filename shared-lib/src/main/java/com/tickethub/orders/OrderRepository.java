package com.tickethub.orders;

import static com.tickethub.aws.Attributes.n;
import static com.tickethub.aws.Attributes.s;
import static com.tickethub.aws.Attributes.strings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.tickethub.config.TableNames;
import com.tickethub.http.Json;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The order items ({@code pk = ORDER#id, sk = ORDER}). An order with a PaymentIntent is also on gsi1
 * ({@code gsi1pk = PAYMENT_INTENT#id}) so that a Stripe event can find it by intent. Every state change is
 * one conditional update from the states API.md allows it from: each returns false, and changes nothing,
 * when the order is not (or no longer) in such a state, so a repeated or late transition is a no-op.
 */
@Singleton
public class OrderRepository {
  private static final String SK = "ORDER";
  private static final TypeReference<List<OrderItem>> ITEMS = new TypeReference<>() {};

  private final DynamoDbClient dynamo;
  private final String table;

  @Inject
  public OrderRepository(DynamoDbClient dynamo, TableNames tables) {
    this.dynamo = dynamo;
    this.table = tables.main();
  }

  /** Writes a new order; false (and nothing written) if an order with its id exists. */
  public boolean create(Order order) {
    Map<String, AttributeValue> item = new HashMap<>(key(order.orderId()));
    item.put("orderId", s(order.orderId()));
    item.put("buyerId", s(order.buyerId()));
    item.put("eventId", s(order.eventId()));
    item.put("items", s(Json.write(order.items())));
    item.put("amountCents", n(order.amountCents()));
    item.put("currency", s(order.currency()));
    item.put("status", s(order.status().name()));
    item.put("expiresAt", s(order.expiresAt().toString()));
    item.put("expiresAtEpoch", n(order.expiresAt().getEpochSecond()));
    item.put("ticketIds", strings(order.ticketIds()));
    item.put("createdAt", s(order.createdAt().toString()));
    if (order.payment() != null) {
      item.put("payment", s(Json.write(order.payment())));
      item.put("gsi1pk", s(intentKey(order.payment().paymentIntentId())));
      item.put("gsi1sk", s(SK));
    }
    try {
      dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
    }
  }

  public Optional<Order> find(String orderId) {
    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(orderId)).consistentRead(true))
        .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(order(item));
  }

  /** The order paid by a PaymentIntent (eventually consistent: gsi1). */
  public Optional<Order> findByPaymentIntent(String paymentIntentId) {
    return dynamo.query(b -> b.tableName(table).indexName("gsi1")
            .keyConditionExpression("gsi1pk = :pk")
            .expressionAttributeValues(Map.of(":pk", s(intentKey(paymentIntentId)))))
        .items().stream().findFirst().map(OrderRepository::order);
  }

  /** PENDING_PAYMENT -> PAID with the order's ticket ids. */
  public boolean markPaid(String orderId, List<String> ticketIds, Instant now) {
    return transition(orderId, OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, now, "", ", ticketIds = :tickets",
        Map.of(":tickets", strings(ticketIds)));
  }

  /**
   * EXPIRED or CANCELLED -> PAID: a payment that succeeded after the hold ended, once its tickets were taken
   * again; {@code items} carry where they are held now.
   */
  public boolean markPaidLate(String orderId, List<OrderItem> items, List<String> ticketIds, Instant now) {
    return transition(orderId, List.of(OrderStatus.EXPIRED, OrderStatus.CANCELLED), OrderStatus.PAID, now, "",
        ", ticketIds = :tickets, #items = :items", Map.of(":tickets", strings(ticketIds), ":items", s(Json.write(items))));
  }

  /**
   * PENDING_PAYMENT, EXPIRED or CANCELLED -> REFUNDED: the money went back before the order was ever paid (a late
   * payment that found the tickets gone, or a refund in Stripe's dashboard ahead of its payment event).
   */
  public boolean refundUnpaid(String orderId, Instant now) {
    return transition(orderId, List.of(OrderStatus.PENDING_PAYMENT, OrderStatus.EXPIRED, OrderStatus.CANCELLED),
        OrderStatus.REFUNDED, now, "", "", Map.of());
  }

  /** PENDING_PAYMENT -> EXPIRED, only once {@code expiresAt} has passed at {@code now}. */
  public boolean expire(String orderId, Instant now) {
    return transition(orderId, OrderStatus.PENDING_PAYMENT, OrderStatus.EXPIRED, now,
        " AND expiresAtEpoch <= :nowEpoch", "", Map.of(":nowEpoch", n(now.getEpochSecond())));
  }

  /** PENDING_PAYMENT -> CANCELLED (the buyer cancelled, or the PaymentIntent was canceled). */
  public boolean cancel(String orderId, Instant now) {
    return transition(orderId, OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED, now, "", "", Map.of());
  }

  /** PAID -> REFUNDED. */
  public boolean refund(String orderId, Instant now) {
    return transition(orderId, OrderStatus.PAID, OrderStatus.REFUNDED, now, "", "", Map.of());
  }

  /** Records a failed payment attempt on an order that is still PENDING_PAYMENT (the buyer may try again). */
  public boolean recordPaymentError(String orderId, String error, Instant now) {
    return transition(orderId, OrderStatus.PENDING_PAYMENT, OrderStatus.PENDING_PAYMENT, now, "",
        ", lastPaymentError = :error", Map.of(":error", s(error)));
  }

  private boolean transition(String orderId, OrderStatus from, OrderStatus to, Instant now, String extraCondition,
      String extraSet, Map<String, AttributeValue> extraValues) {
    return transition(orderId, List.of(from), to, now, extraCondition, extraSet, extraValues);
  }

  private boolean transition(String orderId, List<OrderStatus> from, OrderStatus to, Instant now,
      String extraCondition, String extraSet, Map<String, AttributeValue> extraValues) {
    Map<String, AttributeValue> values = new HashMap<>(extraValues);
    List<String> fromNames = new ArrayList<>();
    for (int i = 0; i < from.size(); i++) {
      values.put(":from" + i, s(from.get(i).name()));
      fromNames.add(":from" + i);
    }
    values.put(":to", s(to.name()));
    values.put(":now", s(now.toString()));
    Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
    if (extraSet.contains("#items")) {
      names.put("#items", "items");
    }
    try {
      dynamo.updateItem(b -> b.tableName(table).key(key(orderId))
          .updateExpression("SET #status = :to, updatedAt = :now" + extraSet)
          .conditionExpression("#status IN (" + String.join(", ", fromNames) + ")" + extraCondition)
          .expressionAttributeNames(names)
          .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException notInThatState) {
      return false;
    }
  }

  private static Order order(Map<String, AttributeValue> item) {
    try {
      return new Order(
          item.get("orderId").s(),
          item.get("buyerId").s(),
          item.get("eventId").s(),
          Json.MAPPER.readValue(item.get("items").s(), ITEMS),
          Long.parseLong(item.get("amountCents").n()),
          item.get("currency").s(),
          OrderStatus.valueOf(item.get("status").s()),
          Instant.parse(item.get("expiresAt").s()),
          item.containsKey("payment") ? Json.MAPPER.readValue(item.get("payment").s(), Payment.class) : null,
          item.containsKey("lastPaymentError") ? item.get("lastPaymentError").s() : null,
          item.get("ticketIds").l().stream().map(AttributeValue::s).toList(),
          Instant.parse(item.get("createdAt").s()));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String intentKey(String paymentIntentId) {
    return "PAYMENT_INTENT#" + paymentIntentId;
  }

  private static Map<String, AttributeValue> key(String orderId) {
    return Map.of("pk", s("ORDER#" + orderId), "sk", s(SK));
  }
}
