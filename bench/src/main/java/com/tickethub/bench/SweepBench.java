package com.tickethub.bench;

import com.tickethub.local.server.FunctionHost;
import com.tickethub.local.server.LocalSecrets;
import com.tickethub.local.server.TemplateFunction;
import com.tickethub.local.stack.DynamoRequests;
import com.tickethub.local.stack.LocalAws;
import com.tickethub.local.stack.ProjectRoot;
import com.tickethub.local.stack.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The sweep's cost as the table grows: SweepHoldsFunction (built as the local server builds it) run against a
 * table holding 10, then {@code finished} finished (PAID) orders and no open one, timed and with its DynamoDB
 * requests counted; beside it, what the table Scan the sweep used before costs on the same table.
 */
final class SweepBench {
  private SweepBench() {}

  static void main(String[] args) throws Exception {
    int finished = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path root = ProjectRoot.find();
    Template template = Template.read(root.resolve("template.yaml"));
    Path work = Files.createTempDirectory("tickethub-sweep-");
    System.out.printf("%s%n%n", Machine.describe());
    System.out.println("| finished orders in the table | sweep: requests | sweep: ms, median of 5 | "
        + "old design's Scan: requests | Scan: ms | load avg |");
    System.out.println("|---:|---|---:|---:|---:|---:|");
    try (LocalAws aws = LocalAws.start(template, null, false);
        FunctionHost host = FunctionHost.start(root, List.of(TemplateFunction.named(template, "SweepHoldsFunction")),
            filled(aws, work), Map.of(), Map.of())) {
      Object event = Api.JSON.readValue(root.resolve("events/sweep-holds.json").toFile(), Map.class);
      int written = 0;
      for (int size : List.of(10, finished)) {
        writeFinished(aws.dynamo(), size - written);
        written = size;
        host.invoke("SweepHoldsFunction", event); // warm
        Map<String, Long> before = DynamoRequests.of("SweepHoldsFunction");
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          long start = System.nanoTime();
          host.invoke("SweepHoldsFunction", event);
          times.add((System.nanoTime() - start) / 1_000_000);
        }
        Map<String, Long> after = DynamoRequests.of("SweepHoldsFunction");
        Map<String, Long> perRun = new HashMap<>();
        after.forEach((op, n) -> perRun.put(op, (n - before.getOrDefault(op, 0L)) / 5));
        times.sort(Long::compare);
        int[] pages = {0};
        long scanStart = System.nanoTime();
        aws.dynamo().scanPaginator(b -> b.tableName("MainTable").filterExpression("#s = :pending")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS("PENDING_PAYMENT"))))
            .forEach(page -> pages[0]++);
        long scanMillis = (System.nanoTime() - scanStart) / 1_000_000;
        System.out.printf("| %,d | %s | %d | %d | %d | %.1f |%n", size, perRun, times.get(2), pages[0], scanMillis,
            Machine.loadAverage());
      }
    }
  }

  /** Finished orders as the order repository lays them out (PAID: on the buyer's and event's lists, not on gsi4). */
  private static void writeFinished(DynamoDbClient dynamo, int count) {
    String eventId = UUID.randomUUID().toString();
    List<WriteRequest> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String orderId = UUID.randomUUID().toString();
      String listed = "2027-01-01T00:00:00Z#" + orderId;
      Map<String, AttributeValue> item = new HashMap<>();
      item.put("pk", AttributeValue.fromS("ORDER#" + orderId));
      item.put("sk", AttributeValue.fromS("ORDER"));
      item.put("orderId", AttributeValue.fromS(orderId));
      item.put("buyerId", AttributeValue.fromS("bench-buyer-" + (i % 1000)));
      item.put("eventId", AttributeValue.fromS(eventId));
      item.put("status", AttributeValue.fromS("PAID"));
      item.put("gen", AttributeValue.fromN("1"));
      item.put("items", AttributeValue.fromS("[{\"ticketTypeId\":\"t\",\"quantity\":2,\"unitPriceCents\":3000,"
          + "\"buyerLimited\":false,\"allocations\":[{\"shard\":0,\"quantity\":2}]}]"));
      item.put("amountCents", AttributeValue.fromN("6000"));
      item.put("currency", AttributeValue.fromS("EUR"));
      item.put("ticketCount", AttributeValue.fromN("2"));
      item.put("gsi2pk", AttributeValue.fromS("BUYER#bench-buyer-" + (i % 1000)));
      item.put("gsi2sk", AttributeValue.fromS(listed));
      item.put("gsi3pk", AttributeValue.fromS("EVENT#" + eventId + "#ORDERS"));
      item.put("gsi3sk", AttributeValue.fromS(listed));
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      if (batch.size() == 25 || i == count - 1) {
        Map<String, List<WriteRequest>> pending = Map.of("MainTable", List.copyOf(batch));
        while (!pending.isEmpty()) {
          Map<String, List<WriteRequest>> request = pending;
          pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
        batch.clear();
      }
    }
  }

  /** The local secrets the functions read at start (the ticket keys, the local Stripe's). */
  private static LocalAws filled(LocalAws aws, Path work) {
    LocalSecrets.fill(aws, work, System.getenv());
    return aws;
  }
}
