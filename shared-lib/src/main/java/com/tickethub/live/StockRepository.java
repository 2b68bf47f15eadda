package com.tickethub.live;

import static com.tickethub.aws.Attributes.num;
import static com.tickethub.aws.Attributes.s;

import com.tickethub.config.TableNames;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reads an event's stock items fresh (strongly consistent): the inventory shards ({@code INV#...}) and the
 * seat rows of {@link SeatStock}, one Query per kind. The broadcaster reads this when a batch of changes
 * arrives instead of adding up deltas: the values it sends are absolute and right even when a record was
 * delivered twice or a write landed after the batch.
 */
@Singleton
public class StockRepository {
  static final String INVENTORY_PREFIX = "INV#";
  /** Without the holds map, which can reach hundreds of KB on a busy shard. */
  private static final String INVENTORY_PROJECTION = "sk, ticketTypeId, available, v";

  private final DynamoDbClient dynamo;
  private final String table;
  private final SeatStock seats;

  @Inject
  public StockRepository(DynamoDbClient dynamo, TableNames tables, SeatStock seats) {
    this.dynamo = dynamo;
    this.table = tables.main();
    this.seats = seats;
  }

  /** True for the sort key of a stock item: an inventory shard or a seat row. */
  public boolean isStockKey(String sk) {
    return sk.startsWith(INVENTORY_PREFIX) || (seats.rowPrefix() != null && sk.startsWith(seats.rowPrefix()));
  }

  /** The event's stock now; {@link Stock#exists()} is false for an event that does not exist. */
  public Stock read(String eventId) {
    Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
    query(eventId, INVENTORY_PREFIX, INVENTORY_PROJECTION, items);
    if (seats.rowPrefix() != null) {
      query(eventId, seats.rowPrefix(), null, items);
    }
    long version = 0;
    Map<String, Long> available = new TreeMap<>();
    for (Map.Entry<String, Map<String, AttributeValue>> item : items.entrySet()) {
      version += num(item.getValue(), "v");
      if (item.getKey().startsWith(INVENTORY_PREFIX)) {
        available.merge(item.getValue().get("ticketTypeId").s(), num(item.getValue(), "available"), Long::sum);
      } else {
        seats.free(item.getValue()).ifPresent(free -> available.merge(free.ticketTypeId(), free.available(), Long::sum));
      }
    }
    return new Stock(eventId, version, available, items);
  }

  private void query(String eventId, String prefix, String projection, Map<String, Map<String, AttributeValue>> into) {
    QueryRequest.Builder request = QueryRequest.builder().tableName(table).consistentRead(true)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
        .expressionAttributeValues(Map.of(":pk", s("EVENT#" + eventId), ":prefix", s(prefix)));
    if (projection != null) {
      request.projectionExpression(projection);
    }
    dynamo.queryPaginator(request.build()).items().forEach(item -> into.put(item.get("sk").s(), item));
  }
}
