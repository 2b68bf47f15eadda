package com.tickethub.aws;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchWriteItem of any number of writes: 25 per request, unprocessed items resent with backoff. */
public final class BatchWrites {
  public static final int BATCH = 25;

  private BatchWrites() {}

  public static void writeAll(DynamoDbClient dynamo, String table, List<WriteRequest> writes) {
    for (int from = 0; from < writes.size(); from += BATCH) {
      Map<String, List<WriteRequest>> pending = Map.of(table, writes.subList(from, Math.min(from + BATCH, writes.size())));
      for (int attempt = 0; !pending.isEmpty(); attempt++) {
        if (attempt > 0) {
          sleep(Math.min(1000, 20L << attempt));
        }
        Map<String, List<WriteRequest>> request = pending;
        pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted in a batch write", e);
    }
  }
}
