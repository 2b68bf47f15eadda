package com.tickethub.bench;

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
 * Beside the rate, what one such update costs dynalite's CPU: on 2 cores the rate is bounded by the cores that
 * dynalite, the proxy and the probe share, while dynalite's cost per update is the emulator's own.
 */
final class RawRate {
  /** Not counted: the client's first requests load classes and open connections. */
  private static final Duration WARM_UP = Duration.ofSeconds(2);

  /** Updates per second, and dynalite's CPU milliseconds per update. */
  record Result(double perSecond, double dynaliteMsPerUpdate) {}

  /**
   * What the emulator can do, of two measurements: the higher rate and the lower cost. One measurement alone
   * varied by 2.7 times within a run (353 and 938 updates/s, 0.99 and 0.41 ms of dynalite's CPU per update).
   */
  static Result best(Result a, Result b) {
    return new Result(Math.max(a.perSecond(), b.perSecond()), Math.min(a.dynaliteMsPerUpdate(), b.dynaliteMsPerUpdate()));
  }

  private RawRate() {}

  static Result measure(ServerProcess server, int threads, Duration length) throws Exception {
    try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(server.dynamoEndpoint).region(Region.US_EAST_1)
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
      AtomicLong all = new AtomicLong();
      long dynaliteBefore = server.cpu().childrenMs();
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
              all.incrementAndGet();
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
      long dynaliteMs = server.cpu().childrenMs() - dynaliteBefore;
      return new Result(done.get() / (length.toNanos() / 1e9), dynaliteMs / (double) Math.max(1, all.get()));
    }
  }
}
