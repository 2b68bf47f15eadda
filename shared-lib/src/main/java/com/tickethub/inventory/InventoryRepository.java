package com.tickethub.inventory;

import static com.tickethub.aws.Attributes.n;
import static com.tickethub.aws.Attributes.num;

import com.tickethub.config.TableNames;
import com.tickethub.events.TicketType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The inventory items: one per ticket type and shard, under the event's partition
 * ({@code pk = EVENT#id, sk = INV#typeId#shard}), holding {@code capacity}, {@code available},
 * {@code held}, {@code sold} and the {@code holds} map of the orders that hold tickets in it.
 *
 * <p>Every change is one conditional UpdateItem that moves a quantity between two counts and adds or
 * removes the order's entry in {@code holds} in the same write, so per shard, at every instant,
 * {@code available + held + sold == capacity} and {@code held} is the sum of the entries. No
 * transaction is needed (dynalite has none). The 400 KB item limit bounds the entries a shard can
 * carry at once (roughly 10,000 open holds); more shards raise that bound along with the write rate.
 */
@Singleton
public class InventoryRepository {
  private static final int BATCH = 25;
  /** Re-reads of one shard when its count changes between a failed update and the read that explains it. */
  private static final int SHARD_ATTEMPTS = 5;
  /** Passes over the shards when an order's quantity must be split. */
  private static final int SPLIT_ROUNDS = 3;
  private static final String INV = "INV#";

  private final DynamoDbClient dynamo;
  private final String table;
  private final Holds holds;

  @Inject
  public InventoryRepository(DynamoDbClient dynamo, TableNames tables) {
    this.dynamo = dynamo;
    this.table = tables.main();
    this.holds = new Holds(dynamo, table, "available");
  }

  public static String eventKey(String eventId) {
    return "EVENT#" + eventId;
  }

  public static String shardKey(String ticketTypeId, int shard) {
    return String.format("INV#%s#%03d", ticketTypeId, shard);
  }

  /** The capacity of a shard: the type's capacity split as evenly as possible, the first shards taking the rest. */
  public static int shardCapacity(TicketType type, int shard) {
    return type.capacity() / type.shards() + (shard < type.capacity() % type.shards() ? 1 : 0);
  }

  /** Writes the fresh shard items of the given ticket types (all available, nothing held or sold). */
  public void create(String eventId, List<TicketType> types) {
    List<WriteRequest> writes = new ArrayList<>();
    for (TicketType type : types) {
      for (int shard = 0; shard < type.shards(); shard++) {
        int capacity = shardCapacity(type, shard);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(eventKey(eventId)));
        item.put("sk", AttributeValue.fromS(shardKey(type.ticketTypeId(), shard)));
        item.put("ticketTypeId", AttributeValue.fromS(type.ticketTypeId()));
        item.put("capacity", n(capacity));
        item.put("available", n(capacity));
        item.put("held", n(0));
        item.put("sold", n(0));
        item.put("holds", AttributeValue.fromM(Map.of()));
        writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      }
    }
    for (int from = 0; from < writes.size(); from += BATCH) {
      batchWrite(writes.subList(from, Math.min(from + BATCH, writes.size())));
    }
  }

  /** Counts per ticket type id, summed over the shards (one strongly consistent query). */
  public Map<String, TypeCounts> counts(String eventId) {
    Map<String, TypeCounts> counts = new HashMap<>();
    dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :inv)")
            .projectionExpression("ticketTypeId, #capacity, available, held, sold")
            .expressionAttributeNames(Map.of("#capacity", "capacity"))
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(eventKey(eventId)),
                ":inv", AttributeValue.fromS("INV#"))))
        .items()
        .forEach(item -> counts.merge(item.get("ticketTypeId").s(), new TypeCounts(
            num(item, "capacity"), num(item, "available"), num(item, "held"), num(item, "sold")), TypeCounts::plus));
    return counts;
  }

  /**
   * Holds {@code quantity} tickets of {@code type} for {@code orderId} until {@code expiresAt}: in one shard if
   * one has them, else split over several shards, each part recorded under the order id. The walk over the
   * shards starts at one picked by the order id's hash: as good as random across orders, and the same for a
   * retry of the same order, which re-finds the parts it holds (and moves their expiry to
   * {@code expiresAt}) instead of taking twice.
   *
   * @return where the tickets are held; empty when the type has fewer than {@code quantity} left, and then
   *     this call holds nothing
   */
  public Optional<List<Allocation>> take(String eventId, TicketType type, String orderId, int quantity,
      Instant expiresAt) {
    int shards = type.shards();
    int start = Math.floorMod(orderId.hashCode(), shards);
    Map<Integer, Integer> parts = new LinkedHashMap<>();
    Map<Integer, Long> seen = new HashMap<>();
    for (int i = 0; i < shards; i++) {
      int shard = (start + i) % shards;
      ShardTake result = takeOnShard(eventId, type.ticketTypeId(), shard, orderId, quantity, expiresAt);
      if (result.held() == quantity) {
        parts.keySet().forEach(other -> release(eventId, type.ticketTypeId(), orderId, other));
        return Optional.of(List.of(new Allocation(shard, quantity)));
      }
      if (result.held() > 0) {
        parts.put(shard, result.held()); // a part of an earlier attempt of this order that split
      } else {
        seen.put(shard, result.available());
      }
    }
    for (int round = 0; round < SPLIT_ROUNDS; round++) {
      int remaining = quantity - parts.values().stream().mapToInt(Integer::intValue).sum();
      if (remaining <= 0 || seen.values().stream().mapToLong(Long::longValue).sum() < remaining) {
        break;
      }
      for (int i = 0; i < shards && remaining > 0; i++) {
        int shard = (start + i) % shards;
        int want = (int) Math.min(remaining, seen.getOrDefault(shard, 0L));
        if (want <= 0) {
          continue;
        }
        ShardTake result = takeOnShard(eventId, type.ticketTypeId(), shard, orderId, want, expiresAt);
        if (result.held() > 0) {
          parts.put(shard, result.held());
          seen.remove(shard);
          remaining -= result.held();
        } else {
          seen.put(shard, result.available());
        }
      }
    }
    if (parts.values().stream().mapToInt(Integer::intValue).sum() == quantity) {
      return Optional.of(parts.entrySet().stream().map(e -> new Allocation(e.getKey(), e.getValue())).toList());
    }
    parts.keySet().forEach(shard -> release(eventId, type.ticketTypeId(), orderId, shard));
    return Optional.empty();
  }

  /**
   * Gives the part that {@code orderId} holds in the shard back to {@code available}. Happens at most once:
   * true if this call released it, false if the order holds nothing there (already released or committed).
   */
  public boolean release(String eventId, String ticketTypeId, String orderId, int shard) {
    return move(eventId, ticketTypeId, orderId, shard, "available = available + :q", "", Map.of());
  }

  /**
   * Turns the part that {@code orderId} holds in the shard into {@code sold} (a paid order). Happens at most
   * once: true if this call committed it, false if the order holds nothing there (already committed or released).
   */
  public boolean commit(String eventId, String ticketTypeId, String orderId, int shard) {
    return move(eventId, ticketTypeId, orderId, shard, "sold = sold + :q", "", Map.of());
  }

  /**
   * Puts {@code quantity} tickets the order bought in the shard back on sale (a refund): from {@code sold} to
   * {@code available}, recording the return under the order in the same write ({@code returned#<orderId>}, a
   * top-level attribute, so items written before refunds existed need no map). Happens at most once per order
   * and shard: true if this call did it.
   */
  public boolean returnSold(String eventId, String ticketTypeId, String orderId, int shard, int quantity) {
    try {
      dynamo.updateItem(b -> b.tableName(table).key(key(eventId, ticketTypeId, shard))
          .updateExpression("SET sold = sold - :q, available = available + :q, #r = :q ADD v :one")
          .conditionExpression("attribute_not_exists(#r) AND sold >= :q")
          .expressionAttributeNames(Map.of("#r", "returned#" + orderId))
          .expressionAttributeValues(Map.of(":q", n(quantity), ":one", n(1))));
      return true;
    } catch (ConditionalCheckFailedException alreadyReturned) {
      return false;
    }
  }

  /**
   * Releases a hold the sweep found, but only if it is still there and still expired at {@code now}: a
   * retry of its purchase that renewed it in between wins. True if this call released it.
   */
  public boolean releaseIfExpired(HoldEntry hold, Instant now) {
    return move(hold.eventId(), hold.ticketTypeId(), hold.orderId(), hold.shard(), "available = available + :q",
        " AND holds.#o.exp <= :now", Map.of(":now", n(now.getEpochSecond())));
  }

  /**
   * Every entry of every {@code holds} map (inventory shards with tickets held, and the buyer counters of
   * {@link BuyerLimitRepository}), for the sweep. One paginated Scan reads both kinds: a backstop that
   * runs once a minute, not a request path.
   */
  public void scanHolds(Consumer<HoldEntry> sink) {
    dynamo.scanPaginator(b -> b.tableName(table).consistentRead(true)
            .filterExpression("(begins_with(sk, :inv) AND held > :zero)"
                + " OR (begins_with(sk, :buyer) AND #count > :zero)")
            .projectionExpression("pk, sk, ticketTypeId, buyerId, holds")
            .expressionAttributeNames(Map.of("#count", "count"))
            .expressionAttributeValues(Map.of(":inv", AttributeValue.fromS(INV), ":zero", n(0),
                ":buyer", AttributeValue.fromS(BuyerLimitRepository.SK_PREFIX))))
        .items()
        .forEach(item -> {
          String eventId = item.get("pk").s().substring("EVENT#".length());
          String sk = item.get("sk").s();
          boolean inventory = sk.startsWith(INV);
          int shard = inventory ? Integer.parseInt(sk.substring(sk.lastIndexOf('#') + 1)) : 0;
          String buyerId = inventory ? null : item.get("buyerId").s();
          item.get("holds").m().forEach((orderId, entry) -> sink.accept(new HoldEntry(
              inventory ? HoldEntry.Kind.INVENTORY : HoldEntry.Kind.BUYER, eventId, item.get("ticketTypeId").s(),
              shard, buyerId, orderId, Holds.quantity(entry.m()), Holds.expiresAt(entry.m()))));
        });
  }

  /** What one conditional take on one shard came to: the quantity this order now holds there, or what is left. */
  private record ShardTake(int held, long available) {}

  /** Takes {@code quantity} in the shard, or re-finds (and renews) this order's hold there from an earlier attempt. */
  private ShardTake takeOnShard(String eventId, String ticketTypeId, int shard, String orderId, int quantity,
      Instant expiresAt) {
    Map<String, AttributeValue> key = key(eventId, ticketTypeId, shard);
    long available = 0;
    for (int attempt = 0; attempt < SHARD_ATTEMPTS; attempt++) {
      try {
        dynamo.updateItem(b -> b.tableName(table).key(key)
            .updateExpression("SET available = available - :q, held = held + :q, holds.#o = :hold ADD v :one")
            .conditionExpression("available >= :q AND attribute_not_exists(holds.#o)")
            .expressionAttributeNames(Map.of(Holds.PLACEHOLDER, orderId))
            .expressionAttributeValues(Map.of(":q", n(quantity), ":hold", Holds.value(quantity, expiresAt),
                ":one", n(1))));
        return new ShardTake(quantity, 0);
      } catch (ConditionalCheckFailedException failed) {
        // Either too few left or this order already holds here: only a read tells which.
        Map<String, AttributeValue> item = holds.read(key, orderId);
        Map<String, AttributeValue> mine = Holds.of(item, orderId);
        if (mine != null) {
          if (holds.renew(key, orderId, expiresAt)) {
            return new ShardTake(Holds.quantity(mine), 0);
          }
          continue; // released between the read and the renewal: take it afresh
        }
        available = num(item, "available");
        if (available < quantity) {
          return new ShardTake(0, available);
        }
      }
    }
    return new ShardTake(0, available);
  }

  /** Moves the order's held part to {@code target} and drops its entry, at most once (see {@link Holds#apply}). */
  private boolean move(String eventId, String ticketTypeId, String orderId, int shard, String target,
      String extraCondition, Map<String, AttributeValue> extraValues) {
    // v counts the shard's changes (live availability's version); ADD starts it at 0 on older items.
    Map<String, AttributeValue> values = new HashMap<>(extraValues);
    values.put(":one", n(1));
    return holds.apply(key(eventId, ticketTypeId, shard), orderId,
        "REMOVE holds.#o SET held = held - :q, " + target + " ADD v :one", extraCondition, values);
  }

  private static Map<String, AttributeValue> key(String eventId, String ticketTypeId, int shard) {
    return Map.of("pk", AttributeValue.fromS(eventKey(eventId)),
        "sk", AttributeValue.fromS(shardKey(ticketTypeId, shard)));
  }

  private void batchWrite(List<WriteRequest> writes) {
    Map<String, List<WriteRequest>> pending = Map.of(table, writes);
    for (int attempt = 0; !pending.isEmpty(); attempt++) {
      if (attempt > 0) {
        sleep(Math.min(1000, 20L << attempt));
      }
      Map<String, List<WriteRequest>> request = pending;
      pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing inventory", e);
    }
  }
}
