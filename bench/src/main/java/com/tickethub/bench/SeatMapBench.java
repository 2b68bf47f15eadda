package com.tickethub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tickethub.aws.AwsModule;
import com.tickethub.config.Config;
import com.tickethub.config.TableNames;
import com.tickethub.local.server.LocalServer;
import com.tickethub.local.server.Options;
import com.tickethub.local.stack.ProjectRoot;
import com.tickethub.seats.RowKey;
import com.tickethub.seats.SeatRepository;
import com.tickethub.seats.SeatRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Seat-map reads on the local server (in this JVM, in memory): per size, an event with a seat map is created
 * by {@code POST /events} (rows of 50 seats up to 20,000 seats, of 200 beyond, so the request stays under
 * 64 KiB), then {@code GET /events/{id}/seats} is read while every seat is free, once about half of them are
 * sold at random (states that compress like a real on-sale's) and once all are sold (hold + sale written
 * through {@link SeatRepository}, each entry carrying an order id: the largest items a map can have). Reported: the request size, the JSON and gzip sizes, the Query pages of one read, and the
 * client-side time of plain, gzip and 304 reads.
 */
final class SeatMapBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int READS = 15;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final SeatRepository seats;
  private final SeatRepository countedSeats;
  private final AtomicInteger queries = new AtomicInteger();
  private final String organizer;

  private SeatMapBench(LocalServer server) throws Exception {
    this.base = server.baseUri();
    Map<String, String> env = server.aws().functionEnvironment("GetEventFunction", Map.of());
    TableNames tables = new TableNames(env.get("TABLE_NAME"));
    this.seats = new SeatRepository(server.aws().dynamo(), tables);
    DynamoDbClient counted = AwsModule.configure(DynamoDbClient.builder(), new Config(env), "DYNAMODB",
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
          @Override
          public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if ("Query".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
              queries.incrementAndGet();
            }
          }
        }))
        .build();
    this.countedSeats = new SeatRepository(counted, tables);
    this.organizer = token("bench-org");
  }

  static void main(String[] args) throws Exception {
    List<Integer> sizes = args.length > 0
        ? Arrays.stream(args[0].split(",")).map(Integer::parseInt).toList()
        : List.of(500, 2_000, 5_000, 20_000, 50_000, 100_000);
    try (LocalServer server = LocalServer.start(Options.inMemory(ProjectRoot.find()), Map.of())) {
      SeatMapBench bench = new SeatMapBench(server);
      System.out.printf("local server in this JVM, in memory, %d cores; %d reads of each kind per row of the table%n%n",
          Runtime.getRuntime().availableProcessors(), READS);
      System.out.println("| seats | rows x seats | POST /events bytes | create ms | state | JSON bytes | gzip bytes "
          + "| Query pages | GET p50 ms | GET p95 ms | gzip GET p50 ms | 304 p50 ms |");
      System.out.println("|---:|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
      for (int size : sizes) {
        bench.run(size);
      }
    }
  }

  private void run(int size) throws Exception {
    int perRow = size <= 20_000 ? 50 : 200;
    String body = event(size, perRow);
    long started = System.nanoTime();
    JsonNode created = send(HttpRequest.newBuilder(base.resolve("/events")).timeout(Duration.ofSeconds(120))
        .header("Authorization", "Bearer " + organizer).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    double createMs = (System.nanoTime() - started) / 1e6;
    String eventId = created.get("eventId").asText();
    String layout = (size / perRow) + (size % perRow == 0 ? "" : "+1") + " x " + perRow;
    System.out.println(measure(size, layout, body.length(), createMs, eventId, "all free"));
    sell(eventId, 0.5);
    System.out.println(measure(size, layout, body.length(), createMs, eventId, "half sold"));
    sell(eventId, 1.0);
    System.out.println(measure(size, layout, body.length(), createMs, eventId, "all sold"));
  }

  private String measure(int size, String layout, int requestBytes, double createMs, String eventId, String state)
      throws Exception {
    String path = "/events/" + eventId + "/seats";
    List<Double> plain = new ArrayList<>();
    List<Double> gzip = new ArrayList<>();
    List<Double> notModified = new ArrayList<>();
    int jsonBytes = 0;
    int gzipBytes = 0;
    String etag = null;
    for (int i = 0; i < READS; i++) {
      HttpResponse<byte[]> response = timed(plain, get(path, Map.of()));
      jsonBytes = response.body().length;
      etag = response.headers().firstValue("etag").orElseThrow();
      HttpResponse<byte[]> compressed = timed(gzip, get(path, Map.of("Accept-Encoding", "gzip")));
      gzipBytes = compressed.body().length;
      if (gunzip(compressed.body()).length != jsonBytes) {
        throw new IllegalStateException("the gzip body is not the JSON body");
      }
      HttpResponse<byte[]> unchanged = timed(notModified, get(path, Map.of("If-None-Match", etag)));
      if (unchanged.statusCode() != 304) {
        throw new IllegalStateException("If-None-Match of the current ETag answered " + unchanged.statusCode());
      }
    }
    queries.set(0);
    List<SeatRow> rows = countedSeats.rows(eventId);
    long seatsRead = rows.stream().mapToLong(r -> r.layout().size()).sum();
    if (seatsRead != size) {
      throw new IllegalStateException(seatsRead + " seats read, not " + size);
    }
    return String.format("| %,d | %s | %,d | %.0f | %s | %,d | %,d | %d | %.0f | %.0f | %.0f | %.0f |", size, layout,
        requestBytes, createMs, state, jsonBytes, gzipBytes, queries.get(), percentile(plain, 50),
        percentile(plain, 95), percentile(gzip, 50), percentile(notModified, 50));
  }

  /**
   * Sells each free seat with probability {@code share} (1.0: all of them), a row's chosen seats in writes of up
   * to 50 seats to one order each: every sold entry carries an order id, the largest entries a map can have.
   */
  private void sell(String eventId, double share) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (SeatRow row : seats.rows(eventId)) {
        done.add(pool.submit(() -> {
          RowKey key = RowKey.of(eventId, row.layout());
          List<Integer> chosen = row.layout().numbers().stream()
              .filter(n -> row.isFree(n) && ThreadLocalRandom.current().nextDouble() < share).toList();
          for (int from = 0; from < chosen.size(); from += SeatRepository.MAX_SEATS_PER_WRITE) {
            List<Integer> chunk = chosen.subList(from, Math.min(from + SeatRepository.MAX_SEATS_PER_WRITE,
                chosen.size()));
            String order = UUID.randomUUID().toString();
            if (!seats.hold(key, chunk, order, 1, Instant.now().plusSeconds(600)).held()
                || !seats.commit(key, chunk, order, 1).isEmpty()) {
              throw new IllegalStateException("could not sell " + chunk + " of " + key);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /** An event of {@code size} seats in rows of {@code perRow}, 20 rows to a section, one seated type. */
  private static String event(int size, int perRow) {
    ObjectNode event = JSON.createObjectNode().put("name", "Seat map " + size).put("venue", "Bench Arena")
        .put("startsAt", "2030-01-01T19:00:00Z");
    event.putArray("ticketTypes").addObject().put("name", "Seat").put("priceCents", 5000).put("currency", "EUR")
        .put("seated", true);
    ObjectNode seating = event.putObject("seating");
    seating.putObject("focus").put("x", 0).put("y", 0);
    ArrayNode sections = seating.putArray("sections");
    int rows = (size + perRow - 1) / perRow;
    ArrayNode sectionRows = null;
    for (int r = 0; r < rows; r++) {
      if (r % 20 == 0) {
        sectionRows = sections.addObject().put("id", "S" + (r / 20 + 1)).putArray("rows");
      }
      sectionRows.addObject().put("id", String.valueOf(r % 20 + 1)).put("x", -perRow * 25).put("y", 100 + r * 90)
          .put("dx", 50).put("dy", 0).put("seats", Math.min(perRow, size - r * perRow)).put("category", "Seat");
    }
    return event.toString();
  }

  private HttpResponse<byte[]> timed(List<Double> times, HttpRequest request) throws Exception {
    long started = System.nanoTime();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    times.add((System.nanoTime() - started) / 1e6);
    if (response.statusCode() != 200 && response.statusCode() != 304) {
      throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
    }
    return response;
  }

  private HttpRequest get(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET();
    headers.forEach(request::header);
    return request.build();
  }

  private String token(String sub) throws Exception {
    return send(HttpRequest.newBuilder(base.resolve("/_local/token"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"" + sub + "\",\"groups\":[\"organizer\"]}")).build())
        .get("token").asText();
  }

  private JsonNode send(HttpRequest request) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static byte[] gunzip(byte[] gzip) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    }
  }

  private static double percentile(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }
}
