package com.tickethub.inventory;

import static com.tickethub.aws.Attributes.n;
import static com.tickethub.aws.Attributes.num;

import com.tickethub.config.TableNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The per-buyer counters of the ticket types that have a {@code maxPerBuyer}: one item per event, buyer and
 * type ({@code pk = EVENT#id, sk = BUYER#sub#typeId}) with {@code count}, the tickets of the buyer's live
 * orders, and a {@code holds} map with each order's part ({@code {q, exp, g}}). Like the stock shards, a count
 * only changes together with its order's entry, in one conditional write, so the cap is enforced by DynamoDB
 * and no order counts twice. Entries of paid orders lose their {@code exp}: they count for good, until a refund.
 */
@Singleton
public class BuyerLimitRepository {
  static final String SK_PREFIX = "BUYER#";
  private static final int ATTEMPTS = 5;
  private static final String RELEASE = "REMOVE holds.#o SET #count = #count - :q";

  private final DynamoDbClient dynamo;
  private final String table;
  private final Holds holds;

  @Inject
  public BuyerLimitRepository(DynamoDbClient dynamo, TableNames tables) {
    this.dynamo = dynamo;
    this.table = tables.main();
    this.holds = new Holds(dynamo, table);
  }

  /**
   * Counts {@code quantity} tickets of the type for generation {@code gen} of the buyer's order, unless that
   * would take the buyer past {@code limit}. A second call for the same order counts nothing again: it re-finds
   * (or adopts an older generation's) entry and moves its expiry.
   *
   * @return false if the buyer's live orders already have too many of the type
   */
  public boolean take(String eventId, String ticketTypeId, String buyerId, String orderId, int gen, int quantity,
      int limit, Instant expiresAt) {
    Map<String, AttributeValue> key = key(eventId, ticketTypeId, buyerId);
    AttributeValue hold = Holds.value(quantity, expiresAt, gen);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (holds.update(key, orderId, "SET #count = #count + :q, holds.#o = :hold",
          "#count <= :room AND attribute_not_exists(holds.#o)",
          Map.of(":q", n(quantity), ":hold", hold, ":room", n(limit - quantity)))) {
        return true;
      }
      // No counter yet, over the limit, or this order counted already: the item tells which.
      Map<String, AttributeValue> item = holds.read(key, orderId, "count");
      if (item.isEmpty()) {
        if (quantity <= limit && create(key, eventId, ticketTypeId, buyerId, orderId, quantity, hold)) {
          return true;
        }
        if (quantity > limit) {
          return false;
        }
        continue;
      }
      Map<String, AttributeValue> mine = Holds.of(item, orderId);
      if (mine != null) {
        int held = Holds.gen(mine);
        if (held > gen) {
          return false;
        }
        if (holds.adopt(key, orderId, held, gen, expiresAt)) {
          return true;
        }
        continue;
      }
      if (num(item, "count") + quantity > limit) {
        return false;
      }
    }
    return false;
  }

  /** Uncounts generation {@code gen} of the order (expired, cancelled, refunded). At most once: true if this call did. */
  public boolean release(String eventId, String ticketTypeId, String buyerId, String orderId, int gen, int quantity) {
    return holds.apply(key(eventId, ticketTypeId, buyerId), orderId, gen, quantity, RELEASE, "", Map.of());
  }

  /** Keeps generation {@code gen} of the order counted for good (a paid order): its entry no longer expires. */
  public boolean commit(String eventId, String ticketTypeId, String buyerId, String orderId, int gen, int quantity) {
    return holds.apply(key(eventId, ticketTypeId, buyerId), orderId, gen, quantity, "REMOVE holds.#o.exp",
        " AND attribute_exists(holds.#o.exp)", Map.of());
  }

  /** Uncounts an entry a reconciliation found, if it is still there, unchanged, and expired at {@code now}. */
  public boolean releaseExpired(HoldEntry entry, Instant now) {
    return holds.apply(key(entry.eventId(), entry.ticketTypeId(), entry.buyerId()), entry.orderId(), entry.gen(),
        entry.quantity(), RELEASE, " AND holds.#o.exp <= :now", Map.of(":now", n(now.getEpochSecond())));
  }

  /** Every entry the order has in its buyer's counters of the event. */
  public List<HoldEntry> entries(String eventId, String buyerId, String orderId) {
    List<HoldEntry> entries = new ArrayList<>();
    holds.entries(InventoryRepository.eventKey(eventId), SK_PREFIX + buyerId + "#", orderId,
        List.of("ticketTypeId", "buyerId"), item -> {
          if (!item.get("buyerId").s().equals(buyerId)) {
            return; // another buyer whose id merely starts with this one's
          }
          Map<String, AttributeValue> entry = Holds.of(item, orderId);
          entries.add(new HoldEntry(HoldEntry.Kind.BUYER, eventId, item.get("ticketTypeId").s(), 0, buyerId, orderId,
              Holds.quantity(entry), Holds.gen(entry), Holds.expiresAt(entry)));
        });
    return entries;
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

  private static Map<String, AttributeValue> key(String eventId, String ticketTypeId, String buyerId) {
    return Map.of("pk", AttributeValue.fromS(InventoryRepository.eventKey(eventId)),
        "sk", AttributeValue.fromS(SK_PREFIX + buyerId + "#" + ticketTypeId));
  }
}
