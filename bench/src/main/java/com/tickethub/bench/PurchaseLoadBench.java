package com.tickethub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tickethub.local.stack.ProjectRoot;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Purchase load on the local server ({@code tickethub-local.jar --in-memory} on a free port, its own
 * process): per concurrency level a new event of two types (one with 8 shards), then N buyers, each
 * with its own token and a new Idempotency-Key per request, buy 1-2 tickets of a random type until both
 * are sold out. Afterwards the event's stats must account for every ticket: held + sold + available ==
 * capacity per type, and held + sold == the tickets of the 201 answers.
 */
final class PurchaseLoadBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration ROUND_LIMIT = Duration.ofSeconds(150);

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  private PurchaseLoadBench(URI base) {
    this.base = base;
  }

  static void main(String[] args) throws Exception {
    int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    List<Integer> levels = args.length > 1
        ? Arrays.stream(args[1].split(",")).map(Integer::parseInt).toList() : List.of(16, 32, 64);
    Path root = ProjectRoot.find();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = root.resolve("bench/target/load-server.log");
    Process server = new ProcessBuilder(java.toString(), "-jar",
        root.resolve("local/server/target/tickethub-local.jar").toString(), "--in-memory", "--port", String.valueOf(port))
        .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      PurchaseLoadBench bench = new PurchaseLoadBench(URI.create("http://localhost:" + port));
      bench.awaitHealthy(server);
      System.out.printf("local server in-memory on :%d (log %s), %d cores, %d tickets per round (2 types, "
          + "the second with 8 shards)%n%n", port, log, Runtime.getRuntime().availableProcessors(), tickets);
      System.out.println("| buyers | requests | req/s | p50 ms | p95 ms | p99 ms | 201 | 409 | other | "
          + "tickets in 201s | stats held+sold | invariant |");
      System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
      for (int buyers : levels) {
        System.out.println(bench.round(buyers, tickets));
      }
    } finally {
      server.destroy();
      server.waitFor(20, TimeUnit.SECONDS);
    }
  }

  private void awaitHealthy(Process server) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline && server.isAlive()) {
      try {
        if (http.send(get("/_local/health", null), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("local server not healthy (see bench/target/load-server.log)");
  }

  private String round(int buyers, int tickets) throws Exception {
    String organizer = token("bench-org", "[\"organizer\"]");
    JsonNode event = send(post("/events", organizer, null, JSON.writeValueAsString(Map.of(
        "name", "Bench " + buyers, "venue", "Bench Hall", "startsAt", "2030-01-01T19:00:00Z",
        "ticketTypes", List.of(
            Map.of("name", "Standing", "priceCents", 2500, "currency", "EUR", "capacity", tickets / 2),
            Map.of("name", "Seated", "priceCents", 4000, "currency", "EUR", "capacity", tickets - tickets / 2,
                "shards", 8))))), 201);
    String eventId = event.get("eventId").asText();
    List<String> types = new ArrayList<>();
    event.get("ticketTypes").forEach(t -> types.add(t.get("ticketTypeId").asText()));

    Set<String> soldOut = ConcurrentHashMap.newKeySet();
    Map<String, AtomicLong> bought = new ConcurrentHashMap<>();
    types.forEach(t -> bought.put(t, new AtomicLong()));
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    long deadline = System.nanoTime() + ROUND_LIMIT.toNanos();

    ExecutorService pool = Executors.newFixedThreadPool(buyers);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < buyers; i++) {
      tokens.add(token("bench-buyer-" + buyers + "-" + i, "[]"));
    }
    List<Future<?>> running = new ArrayList<>();
    long start = System.nanoTime();
    for (String buyer : tokens) {
      running.add(pool.submit(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (soldOut.size() < types.size() && System.nanoTime() < deadline) {
          List<String> open = types.stream().filter(t -> !soldOut.contains(t)).toList();
          if (open.isEmpty()) {
            break;
          }
          String type = open.get(random.nextInt(open.size()));
          String body = JSON.writeValueAsString(Map.of("eventId", eventId,
              "items", List.of(Map.of("ticketTypeId", type, "quantity", 1 + random.nextInt(2)))));
          long sent = System.nanoTime();
          HttpResponse<String> response;
          try {
            response = http.send(post("/tickets/purchase", buyer, UUID.randomUUID().toString(), body),
                HttpResponse.BodyHandlers.ofString());
          } catch (IOException e) {
            // a timeout or reset counts as "other" (status 0); the buyer goes on
            latencies.add(System.nanoTime() - sent);
            statuses.computeIfAbsent(0, s -> new AtomicLong()).incrementAndGet();
            continue;
          }
          latencies.add(System.nanoTime() - sent);
          statuses.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
          if (response.statusCode() == 201) {
            JSON.readTree(response.body()).get("items").forEach(item ->
                bought.get(item.get("ticketTypeId").asText()).addAndGet(item.get("quantity").asLong()));
          } else if (response.statusCode() == 409
              && JSON.readTree(response.body()).path("available").path(type).asLong(-1) == 0) {
            soldOut.add(type);
          }
        }
        return null;
      }));
    }
    pool.shutdown();
    for (Future<?> buyer : running) {
      buyer.get(ROUND_LIMIT.toSeconds() + 30, TimeUnit.SECONDS);
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    JsonNode stats = send(get("/events/" + eventId + "/stats", organizer), 200);
    boolean balanced = true;
    long heldAndSold = 0;
    long inAnswers = 0;
    for (JsonNode type : stats.get("ticketTypes")) {
      long held = type.get("held").asLong();
      long sold = type.get("sold").asLong();
      heldAndSold += held + sold;
      long answered = bought.get(type.get("ticketTypeId").asText()).get();
      inAnswers += answered;
      balanced &= held + sold + type.get("available").asLong() == type.get("capacity").asLong()
          && held + sold == answered;
    }
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    long created = count(statuses, 201);
    long conflicts = count(statuses, 409);
    long other = sorted.size() - created - conflicts;
    String verdict = (balanced ? "ok" : "MISMATCH") + (soldOut.size() < types.size() ? ", NOT sold out in "
        + ROUND_LIMIT.toSeconds() + " s" : "") + (other > 0 ? ", other statuses " + statuses : "");
    return String.format("| %d | %d | %.0f | %.0f | %.0f | %.0f | %d | %d | %d | %d | %d | %s |", buyers,
        sorted.size(), sorted.size() / seconds, percentile(sorted, 50), percentile(sorted, 95),
        percentile(sorted, 99), created, conflicts, other, inAnswers, heldAndSold, verdict);
  }

  private static long count(Map<Integer, AtomicLong> statuses, int status) {
    AtomicLong n = statuses.get(status);
    return n == null ? 0 : n.get();
  }

  private static double percentile(List<Long> sortedNanos, int p) {
    if (sortedNanos.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
    return sortedNanos.get(Math.max(0, index)) / 1e6;
  }

  private String token(String sub, String groupsJson) throws Exception {
    return send(post("/_local/token", null, null, "{\"sub\":\"" + sub + "\",\"groups\":" + groupsJson + "}"), 200)
        .get("token").asText();
  }

  private JsonNode send(HttpRequest request, int expected) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private HttpRequest get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }

  private HttpRequest post(String path, String token, String idempotencyKey, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return request.build();
  }
}
