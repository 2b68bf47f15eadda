package com.tickethub.inventory;

import static com.tickethub.aws.Attributes.n;
import static com.tickethub.aws.Attributes.num;

import com.tickethub.config.TableNames;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The per-buyer counters of the ticket types that have a {@code maxPerBuyer}: one item per event, buyer and
 * type ({@code pk = EVENT#id, sk = BUYER#sub#typeId}) with {@code count}, the tickets of the buyer's live
 * orders, and a {@code holds} map with each order's part ({@code {q, exp}}). Like the inventory shards, a
 * count only changes together with its order's entry, in one conditional write, so the cap is enforced by
 * DynamoDB and no order counts twice. Entries of paid orders lose their {@code exp}: they count for good.
 */
@Singleton
public class BuyerLimitRepository {
  static final String SK_PREFIX = "BUYER#";
  private static final int ATTEMPTS = 5;

  private final DynamoDbClient dynamo;
  private final String table;
  private final Holds holds;

  @Inject
  public BuyerLimitRepository(DynamoDbClient dynamo, TableNames tables) {
    this.dynamo = dynamo;
    this.table = tables.main();
    this.holds = new Holds(dynamo, table, "count");
  }

  /**
   * Counts {@code quantity} tickets of the type for the buyer's order, unless that would take the buyer past
   * {@code limit}. A second call for the same order counts nothing again (it renews the entry's expiry).
   *
   * @return false if the buyer's live orders already have too many of the type
   */
  public boolean take(String eventId, String ticketTypeId, String buyerId, String orderId, int quantity, int limit,
      Instant expiresAt) {
    Map<String, AttributeValue> key = key(eventId, ticketTypeId, buyerId);
    AttributeValue hold = Holds.value(quantity, expiresAt);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        dynamo.updateItem(b -> b.tableName(table).key(key)
            .updateExpression("SET #count = #count + :q, holds.#o = :hold")
            .conditionExpression("#count <= :room AND attribute_not_exists(holds.#o)")
            .expressionAttributeNames(Map.of("#count", "count", Holds.PLACEHOLDER, orderId))
            .expressionAttributeValues(Map.of(":q", n(quantity), ":hold", hold,
                ":room", n(limit - quantity))));
        return true;
      } catch (ConditionalCheckFailedException failed) {
        // No counter yet, over the limit, or this order counted already: the item tells which.
        Map<String, AttributeValue> item = holds.read(key, orderId);
        if (item.isEmpty()) {
          if (quantity <= limit && create(key, eventId, ticketTypeId, buyerId, orderId, quantity, hold)) {
            return true;
          }
          if (quantity > limit) {
            return false;
          }
          continue;
        }
        if (Holds.of(item, orderId) != null) {
          if (holds.renew(key, orderId, expiresAt)) {
            return true;
          }
          continue;
        }
        if (num(item, "count") + quantity > limit) {
          return false;
        }
      }
    }
    return false;
  }

  /** Uncounts the order's tickets (an order that expired or was cancelled). At most once: true if this call did. */
  public boolean release(String eventId, String ticketTypeId, String buyerId, String orderId) {
    return change(eventId, ticketTypeId, buyerId, orderId, "REMOVE holds.#o SET #count = #count - :q", "", Map.of());
  }

  /** Keeps the order's tickets counted for good (a paid order): its entry no longer expires. */
  public boolean commit(String eventId, String ticketTypeId, String buyerId, String orderId) {
    return change(eventId, ticketTypeId, buyerId, orderId, "REMOVE holds.#o.exp", " AND attribute_exists(holds.#o.exp)",
        Map.of());
  }

  /** Uncounts an entry the sweep found, if it is still there and still expired at {@code now}. */
  public boolean releaseIfExpired(HoldEntry hold, Instant now) {
    return change(hold.eventId(), hold.ticketTypeId(), hold.buyerId(), hold.orderId(),
        "REMOVE holds.#o SET #count = #count - :q", " AND holds.#o.exp <= :now",
        Map.of(":now", n(now.getEpochSecond())));
  }

  /** The buyer's count of the type over their live orders (0 without a counter). */
  public long count(String eventId, String ticketTypeId, String buyerId) {
    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(eventId, ticketTypeId, buyerId))
        .consistentRead(true).projectionExpression("#count").expressionAttributeNames(Map.of("#count", "count"))).item();
    return item == null ? 0 : num(item, "count");
  }

  private boolean create(Map<String, AttributeValue> key, String eventId, String ticketTypeId, String buyerId,
      String orderId, int quantity, AttributeValue hold) {
    Map<String, AttributeValue> item = new HashMap<>(key);
    item.put("eventId", AttributeValue.fromS(eventId));
    item.put("ticketTypeId", AttributeValue.fromS(ticketTypeId));
    item.put("buyerId", AttributeValue.fromS(buyerId));
    item.put("count", n(quantity));
    item.put("holds", AttributeValue.fromM(Map.of(orderId, hold)));
    try {
      dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException createdMeanwhile) {
      return false;
    }
  }

  private boolean change(String eventId, String ticketTypeId, String buyerId, String orderId, String update,
      String extraCondition, Map<String, AttributeValue> extraValues) {
    return holds.apply(key(eventId, ticketTypeId, buyerId), orderId, update, extraCondition, extraValues);
  }

  private static Map<String, AttributeValue> key(String eventId, String ticketTypeId, String buyerId) {
    return Map.of("pk", AttributeValue.fromS(InventoryRepository.eventKey(eventId)),
        "sk", AttributeValue.fromS(SK_PREFIX + buyerId + "#" + ticketTypeId));
  }
}
