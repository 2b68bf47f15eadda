package com.tickethub.inventory;

import com.tickethub.config.TableNames;
import com.tickethub.events.TicketType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The inventory items: one per ticket type and shard, under the event's partition
 * ({@code pk = EVENT#id, sk = INV#typeId#shard}), holding {@code capacity}, {@code available},
 * {@code held}, {@code sold} and the {@code holds} map of the orders that hold tickets in it.
 */
@Singleton
public class InventoryRepository {
  private static final int BATCH = 25;

  private final DynamoDbClient dynamo;
  private final String table;

  @Inject
  public InventoryRepository(DynamoDbClient dynamo, TableNames tables) {
    this.dynamo = dynamo;
    this.table = tables.main();
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

  static long num(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? 0 : Long.parseLong(value.n());
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
