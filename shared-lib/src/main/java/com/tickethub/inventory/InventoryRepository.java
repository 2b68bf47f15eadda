package com.tickethub.inventory;

import static com.tickethub.aws.Attributes.n;
import static com.tickethub.aws.Attributes.num;

import com.tickethub.aws.BatchWrites;
import com.tickethub.config.TableNames;
import com.tickethub.events.TicketType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The stock shards: one item per ticket type and shard, under the event's partition
 * ({@code pk = EVENT#id, sk = INV#typeId#shard}), holding {@code capacity}, {@code available}, {@code held},
 * {@code sold}, the {@code holds} map of the orders that hold tickets in it, the {@code returned} markers of
 * refunded orders whose tickets came back, the returns fence {@code rf}, and {@code v}, which every change
 * increments (the event's version is the sum of its stock items' {@code v}).
 *
 * <p>Every change is one conditional UpdateItem that moves a quantity between two counts and adds or removes
 * the order's entry in the same write, so per shard, at every instant, {@code available + held + sold ==
 * capacity} and {@code held} is the sum of the entries. No transaction is needed (dynalite has none). The
 * operations are those of model/PROTOCOL.md ("Entry operations"); the 400 KB item limit bounds the entries a
 * shard carries at once (roughly 8,000 open holds), so big types are sharded.
 */
@Singleton
public class InventoryRepository {
  /** Re-reads of one shard when its count changes between a failed update and the read that explains it. */
  private static final int SHARD_ATTEMPTS = 5;
  /** Passes over the shards when an order's quantity must be split. */
  private static final int SPLIT_ROUNDS = 3;
  private static final String INV = "INV#";
  private static final String CHANGED = " ADD v :one";
  private static final AttributeValue ONE = n(1);

  private final DynamoDbClient dynamo;
  private final String table;
  private final Holds holds;

  @Inject
  public InventoryRepository(DynamoDbClient dynamo, TableNames tables) {
    this.dynamo = dynamo;
    this.table = tables.main();
    this.holds = new Holds(dynamo, table);
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
        item.put("returned", AttributeValue.fromM(Map.of()));
        item.put("v", n(0));
        writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      }
    }
    BatchWrites.writeAll(dynamo, table, writes);
  }

  /** Counts per ticket type id, summed over the shards (one strongly consistent query). */
  public Map<String, TypeCounts> counts(String eventId) {
    Map<String, TypeCounts> counts = new HashMap<>();
    dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :inv)")
            .projectionExpression("ticketTypeId, #capacity, available, held, sold")
            .expressionAttributeNames(Map.of("#capacity", "capacity"))
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(eventKey(eventId)),
                ":inv", AttributeValue.fromS(INV))))
        .items()
        .forEach(item -> counts.merge(item.get("ticketTypeId").s(), new TypeCounts(
            num(item, "capacity"), num(item, "available"), num(item, "held"), num(item, "sold")), TypeCounts::plus));
    return counts;
  }

  /**
   * Holds {@code quantity} tickets of {@code type} for generation {@code gen} of {@code orderId} until
   * {@code expiresAt}: in one shard if one has them, else split over several shards. The walk over the shards
   * starts at one picked by the order id's hash: as good as random across orders, and the same for a retry,
   * which re-finds the parts its generation holds (moving their expiry to {@code expiresAt}), or adopts the
   * parts an older generation of the order still holds, instead of taking twice.
   *
   * @return where the tickets are held; empty when the type has fewer than {@code quantity} left, and then this
   *     call holds nothing
   */
  public Optional<List<Allocation>> take(String eventId, TicketType type, String orderId, int gen, int quantity,
      Instant expiresAt) {
    int shards = type.shards();
    int start = Math.floorMod(orderId.hashCode(), shards);
    Map<Integer, Integer> parts = new LinkedHashMap<>();
    Map<Integer, Long> seen = new HashMap<>();
    for (int i = 0; i < shards; i++) {
      int shard = (start + i) % shards;
      ShardTake result = takeOnShard(eventId, type.ticketTypeId(), shard, orderId, gen, quantity, expiresAt);
      if (result.held() == quantity) {
        parts.forEach((other, q) -> release(eventId, type.ticketTypeId(), orderId, gen, new Allocation(other, q)));
        return Optional.of(List.of(new Allocation(shard, quantity)));
      }
      if (result.held() > 0) {
        parts.put(shard, result.held()); // a part an earlier attempt of this order split off
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
        ShardTake result = takeOnShard(eventId, type.ticketTypeId(), shard, orderId, gen, want, expiresAt);
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
    parts.forEach((shard, q) -> release(eventId, type.ticketTypeId(), orderId, gen, new Allocation(shard, q)));
    return Optional.empty();
  }

  /**
   * Gives the part that generation {@code gen} of {@code orderId} holds in the shard back to {@code available}.
   * At most once, and never a newer generation's hold: true if this call released it.
   */
  public boolean release(String eventId, String ticketTypeId, String orderId, int gen, Allocation part) {
    return holds.apply(key(eventId, ticketTypeId, part.shard()), orderId, gen, part.quantity(),
        "REMOVE holds.#o SET held = held - :q, available = available + :q" + CHANGED, "", Map.of(":one", ONE));
  }

  /**
   * Turns the part that generation {@code gen} of {@code orderId} holds in the shard into {@code sold} (a paid
   * order). At most once: true if this call committed it.
   */
  public boolean commit(String eventId, String ticketTypeId, String orderId, int gen, Allocation part) {
    return holds.apply(key(eventId, ticketTypeId, part.shard()), orderId, gen, part.quantity(),
        "REMOVE holds.#o SET held = held - :q, sold = sold + :q" + CHANGED, "", Map.of(":one", ONE));
  }

  /** Releases an entry a reconciliation found, but only if it is still there, unchanged, and expired at {@code now}. */
  public boolean releaseExpired(HoldEntry entry, Instant now) {
    return holds.apply(key(entry.eventId(), entry.ticketTypeId(), entry.shard()), entry.orderId(), entry.gen(),
        entry.quantity(), "REMOVE holds.#o SET held = held - :q, available = available + :q" + CHANGED,
        " AND holds.#o.exp <= :now", Map.of(":one", ONE, ":now", n(now.getEpochSecond())));
  }

  /** What {@link #giveBack} came to. */
  public enum GiveBack {
    /** This call put the tickets back on sale. */
    GIVEN,
    /** The order's tickets came back before (its marker is there). */
    ALREADY_GIVEN,
    /** The caller read the order before a prune raised the fence: it must read the order again. */
    FENCED
  }

  /**
   * Puts {@code quantity} tickets a refunded order bought in the shard back on sale ({@code sold -> available}),
   * recording the return under the order in the same write, at most once per order and shard. {@code readAt}
   * is when the caller read the order as REFUNDING: a caller that read it before the prune of its marker is
   * refused by the fence {@code rf} (it would otherwise give back a second time), so markers need not be kept.
   */
  public GiveBack giveBack(String eventId, String ticketTypeId, int shard, String orderId, int quantity,
      Instant readAt, Instant now) {
    Map<String, AttributeValue> key = key(eventId, ticketTypeId, shard);
    if (holds.update(key, orderId, "SET sold = sold - :q, available = available + :q, returned.#o = :now" + CHANGED,
        "attribute_not_exists(returned.#o) AND (attribute_not_exists(rf) OR rf < :readAt) AND sold >= :q",
        Map.of(":q", n(quantity), ":now", n(now.toEpochMilli()), ":readAt", n(readAt.toEpochMilli()), ":one", ONE))) {
      return GiveBack.GIVEN;
    }
    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)
        .projectionExpression("returned.#o, rf").expressionAttributeNames(Map.of(Holds.ORDER, orderId))).item();
    if (item != null && item.containsKey("returned") && item.get("returned").m().containsKey(orderId)) {
      return GiveBack.ALREADY_GIVEN;
    }
    if (item != null && num(item, "rf") >= readAt.toEpochMilli()) {
      return GiveBack.FENCED;
    }
    throw new IllegalStateException("Shard " + key + " has fewer than " + quantity + " sold to give back for " + orderId);
  }

  /**
   * Removes the order's returns marker and raises the fence to at least {@code fence}: after it, any caller that
   * read the order before {@code fence} is refused by {@link #giveBack}. Safe to repeat.
   */
  public void prune(String eventId, String ticketTypeId, int shard, String orderId, Instant fence) {
    Map<String, AttributeValue> key = key(eventId, ticketTypeId, shard);
    if (!holds.update(key, orderId, "REMOVE returned.#o SET rf = :fence",
        "attribute_exists(returned.#o) AND (attribute_not_exists(rf) OR rf < :fence)",
        Map.of(":fence", n(fence.toEpochMilli())))) {
      holds.update(key, orderId, "REMOVE returned.#o", "attribute_exists(returned.#o)", Map.of());
    }
  }

  /** Every entry the order has in the event's stock shards, wherever an attempt left it. */
  public List<HoldEntry> entries(String eventId, String orderId) {
    List<HoldEntry> entries = new ArrayList<>();
    holds.entries(eventKey(eventId), INV, orderId, List.of("sk", "ticketTypeId"), item -> {
      Map<String, AttributeValue> entry = Holds.of(item, orderId);
      String sk = item.get("sk").s();
      entries.add(new HoldEntry(HoldEntry.Kind.STOCK, eventId, item.get("ticketTypeId").s(),
          Integer.parseInt(sk.substring(sk.lastIndexOf('#') + 1)), null, orderId, Holds.quantity(entry),
          Holds.gen(entry), Holds.expiresAt(entry)));
    });
    return entries;
  }

  /** What one conditional take on one shard came to: the quantity this order now holds there, or what is left. */
  private record ShardTake(int held, long available) {}

  /** Takes {@code quantity} in the shard, or re-finds (or adopts) this order's hold there. */
  private ShardTake takeOnShard(String eventId, String ticketTypeId, int shard, String orderId, int gen,
      int quantity, Instant expiresAt) {
    Map<String, AttributeValue> key = key(eventId, ticketTypeId, shard);
    long available = 0;
    for (int attempt = 0; attempt < SHARD_ATTEMPTS; attempt++) {
      if (holds.update(key, orderId,
          "SET available = available - :q, held = held + :q, holds.#o = :hold" + CHANGED,
          "available >= :q AND attribute_not_exists(holds.#o)",
          Map.of(":q", n(quantity), ":hold", Holds.value(quantity, expiresAt, gen), ":one", ONE))) {
        return new ShardTake(quantity, 0);
      }
      // Either too few left or this order already holds here: only a read tells which.
      Map<String, AttributeValue> item = holds.read(key, orderId, "available");
      Map<String, AttributeValue> mine = Holds.of(item, orderId);
      if (mine != null) {
        int held = Holds.gen(mine);
        if (held > gen) {
          return new ShardTake(0, 0); // a newer generation's hold: never ours to take over
        }
        if (holds.adopt(key, orderId, held, gen, expiresAt)) {
          return new ShardTake(Holds.quantity(mine), 0);
        }
        continue; // released between the read and the adoption: take it afresh
      }
      available = num(item, "available");
      if (available < quantity) {
        return new ShardTake(0, available);
      }
    }
    return new ShardTake(0, available);
  }

  private static Map<String, AttributeValue> key(String eventId, String ticketTypeId, int shard) {
    return Map.of("pk", AttributeValue.fromS(eventKey(eventId)),
        "sk", AttributeValue.fromS(shardKey(ticketTypeId, shard)));
  }
}
