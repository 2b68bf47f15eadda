package com.tickethub.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The emulator's raw conditional-update rate: {@code threads} clients doing nothing but the purchase's kind of
 * write (a conditional decrement with {@code ADD v :one}), each on its own item of the main table, through the same SDK and
 * HTTP client as the functions, for {@code length} after a warm-up. What a purchase path that added no cost of its own could reach.
 */
final class RawRate {
  /** Not counted: the client's first requests load classes and open connections. */
  private static final Duration WARM_UP = Duration.ofSeconds(2);

  private RawRate() {}

  static double measure(URI endpoint, int threads, Duration length) throws Exception {
    try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build()) {
      List<Map<String, AttributeValue>> keys = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("BENCH#" + UUID.randomUUID()),
            "sk", AttributeValue.fromS("RAW"));
        dynamo.putItem(b -> b.tableName("MainTable").item(Map.of("pk", key.get("pk"), "sk", key.get("sk"),
            "available", AttributeValue.fromN("1000000000"), "v", AttributeValue.fromN("0"))));
        keys.add(key);
      }
      AtomicLong done = new AtomicLong();
      long warm = System.nanoTime() + WARM_UP.toNanos();
      long end = warm + length.toNanos();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Map<String, AttributeValue> key = keys.get(i);
        running.add(pool.submit(() -> {
          while (System.nanoTime() < end) {
            try {
              dynamo.updateItem(b -> b.tableName("MainTable").key(key)
                  .updateExpression("SET available = available - :q ADD v :one")
                  .conditionExpression("available >= :q")
                  .expressionAttributeValues(Map.of(":q", AttributeValue.fromN("1"), ":one", AttributeValue.fromN("1"))));
              if (System.nanoTime() >= warm) {
                done.incrementAndGet();
              }
            } catch (ConditionalCheckFailedException e) {
              throw new IllegalStateException("the raw item ran out", e);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
      pool.shutdown();
      return done.get() / (length.toNanos() / 1e9);
    }
  }
}
