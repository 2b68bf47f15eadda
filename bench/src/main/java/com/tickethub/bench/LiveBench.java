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
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Live availability during an on-sale on the local server ({@code tickethub-local.jar --in-memory}, its own
 * process): V WebSocket viewers subscribe to one event of B ticket types, then B buyers, one per type, buy
 * 1-2 tickets at a time as fast as the server answers. Each type's purchases are sequential, so the count
 * of tickets taken after purchase i of a type is known exactly, and the first message in which a viewer
 * sees at least that many taken is the one that carried purchase i: its arrival minus the 201's is the
 * delivery latency. The broadcaster's own log lines give its CPU time per batch.
 */
final class LiveBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CAPACITY = 400;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;
  private final Api api;

  /** A purchase answered 201: its type, the type's tickets taken with it, and when the 201 arrived. */
  private record Purchase(String type, long takenAfter, long answeredNanos) {}

  /** A message as a viewer received it: when, and the available count per type. */
  private record Seen(long nanos, Map<String, Long> available) {}

  private LiveBench(URI base) {
    this.base = base;
    this.api = new Api(base);
  }

  static void main(String[] args) throws Exception {
    int viewers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int buyers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    Duration sale = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 30);
    Path root = ProjectRoot.find();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = root.resolve("bench/target/live-server.log");
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        root.resolve("local/server/target/tickethub-local.jar").toString(), "--in-memory", "--port", String.valueOf(port))
        .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      LiveBench bench = new LiveBench(URI.create("http://127.0.0.1:" + port));
      bench.awaitHealthy(server);
      bench.run(viewers, buyers, sale, log);
    } finally {
      server.destroy();
      server.waitFor(20, TimeUnit.SECONDS);
    }
  }

  private void run(int viewerCount, int buyerCount, Duration sale, Path log) throws Exception {
    String organizer = api.token("live-org", "[\"organizer\"]");
    List<Map<String, Object>> types = new ArrayList<>();
    for (int i = 0; i < buyerCount; i++) {
      types.add(Map.of("name", "Block " + i, "priceCents", 2500, "currency", "EUR", "capacity", CAPACITY));
    }
    JsonNode event = api.send(api.post("/events", organizer, null, JSON.writeValueAsString(Map.of("name", "Live bench",
        "venue", "Bench Arena", "startsAt", "2030-01-01T19:00:00Z", "ticketTypes", types))), 201);
    String eventId = event.get("eventId").asText();
    List<String> typeIds = new ArrayList<>();
    event.get("ticketTypes").forEach(t -> typeIds.add(t.get("ticketTypeId").asText()));

    HttpClient sockets = HttpClient.newHttpClient();
    List<Viewer> viewers = new ArrayList<>();
    long connecting = System.nanoTime();
    for (int i = 0; i < viewerCount; i++) {
      Viewer viewer = new Viewer();
      viewer.socket = sockets.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + base.getPort() + "/live"),
          viewer).get(30, TimeUnit.SECONDS);
      viewer.socket.sendText("{\"action\":\"subscribe\",\"eventId\":\"" + eventId + "\"}", true).join();
      viewers.add(viewer);
    }
    for (Viewer viewer : viewers) {
      viewer.snapshot.get(60, TimeUnit.SECONDS);
    }
    double subscribeSeconds = (System.nanoTime() - connecting) / 1e9;

    long broadcastLinesBefore = broadcastLines(log).size();
    ExecutorService pool = Executors.newFixedThreadPool(buyerCount);
    List<Future<List<Purchase>>> running = new ArrayList<>();
    long deadline = System.nanoTime() + sale.toNanos();
    for (int b = 0; b < buyerCount; b++) {
      String type = typeIds.get(b);
      String buyer = api.token("live-buyer-" + b, "[]");
      running.add(pool.submit(() -> buy(eventId, type, buyer, deadline)));
    }
    List<Purchase> purchases = new ArrayList<>();
    for (Future<List<Purchase>> buyer : running) {
      purchases.addAll(buyer.get(sale.toSeconds() + 60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    Thread.sleep(5_000); // the last changes reach everyone
    viewers.forEach(v -> v.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null));

    List<Long> latencies = new ArrayList<>();
    long missing = 0;
    long messages = 0;
    for (Viewer viewer : viewers) {
      messages += viewer.seen.size();
      for (Purchase purchase : purchases) {
        Long arrived = null;
        for (Seen seen : viewer.seen) {
          if (CAPACITY - seen.available().getOrDefault(purchase.type(), (long) CAPACITY) >= purchase.takenAfter()) {
            arrived = seen.nanos();
            break;
          }
        }
        if (arrived == null) {
          missing++;
        } else {
          latencies.add(Math.max(0, arrived - purchase.answeredNanos()));
        }
      }
    }
    Collections.sort(latencies);
    List<JsonNode> batches = broadcastLines(log).subList((int) broadcastLinesBefore, broadcastLines(log).size());
    List<Double> cpu = new ArrayList<>();
    long records = 0;
    long sent = 0;
    for (JsonNode batch : batches) {
      if (batch.path("messages").asLong() > 0) {
        cpu.add(batch.path("cpuMs").asDouble());
        records += batch.path("records").asLong();
        sent += batch.path("messages").asLong();
      }
    }
    Collections.sort(cpu);
    System.out.printf("local server in-memory, %d cores; %d viewers subscribed in %.1f s; %d buyers (one per type, "
        + "%d tickets each) for %d s%n%n", Runtime.getRuntime().availableProcessors(), viewerCount, subscribeSeconds,
        buyerCount, CAPACITY, sale.toSeconds());
    System.out.println("| purchases (changes) | delivery p50 ms | p95 ms | p99 ms | max ms | not delivered | "
        + "messages per viewer | messages per change per viewer | broadcasts | records per broadcast | "
        + "broadcaster CPU ms per batch, mean / p95 |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    System.out.printf("| %d | %.0f | %.0f | %.0f | %.0f | %d | %.1f | %.3f | %d | %.1f | %.0f / %.0f |%n",
        purchases.size(), Percentiles.millis(latencies, 50), Percentiles.millis(latencies, 95),
        Percentiles.millis(latencies, 99), Percentiles.millis(latencies, 100), missing, messages / (double) viewerCount,
        purchases.isEmpty() ? 0 : messages / (double) viewerCount / purchases.size(), cpu.size(),
        cpu.isEmpty() ? 0 : records / (double) cpu.size(),
        cpu.stream().mapToDouble(Double::doubleValue).average().orElse(0), percentileMs(cpu, 95));
    System.out.printf("%nmessages posted by the broadcaster: %d (%d batches x viewers)%n", sent, cpu.size());
  }

  /** One type's buyer: sequential purchases until the deadline or the type is sold out. */
  private List<Purchase> buy(String eventId, String type, String buyer, long deadline) throws Exception {
    List<Purchase> purchases = new ArrayList<>();
    long taken = 0;
    while (System.nanoTime() < deadline) {
      int quantity = 1 + ThreadLocalRandom.current().nextInt(2);
      String body = JSON.writeValueAsString(Map.of("eventId", eventId,
          "items", List.of(Map.of("ticketTypeId", type, "quantity", quantity))));
      HttpResponse<String> response = http.send(api.post("/tickets/purchase", buyer, UUID.randomUUID().toString(), body),
          HttpResponse.BodyHandlers.ofString());
      long answered = System.nanoTime();
      if (response.statusCode() == 201) {
        taken += quantity;
        purchases.add(new Purchase(type, taken, answered));
      } else if (response.statusCode() == 409) {
        if (JSON.readTree(response.body()).path("available").path(type).asLong(-1) == 0) {
          break;
        }
      } else if (response.statusCode() == 422) {
        buyer = api.token("live-buyer-" + UUID.randomUUID(), "[]"); // a buyer limit: another buyer goes on
      }
    }
    return purchases;
  }

  /** A viewer's socket: its snapshot, then every changes message with its arrival time. */
  private static final class Viewer implements WebSocket.Listener {
    WebSocket socket;
    final CompletableFuture<JsonNode> snapshot = new CompletableFuture<>();
    final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      long now = System.nanoTime();
      partial.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(partial.toString());
          if ("snapshot".equals(message.path("type").asText())) {
            snapshot.complete(message);
          } else if ("changes".equals(message.path("type").asText())) {
            Map<String, Long> available = new HashMap<>();
            message.path("ticketTypes").forEach(t -> available.put(t.path("ticketTypeId").asText(),
                t.path("available").asLong()));
            seen.add(new Seen(now, available));
          }
        } catch (IOException e) {
          snapshot.completeExceptionally(e);
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }

  private static List<JsonNode> broadcastLines(Path log) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      int start = line.indexOf("{\"type\":\"broadcast\"");
      if (start >= 0) {
        lines.add(JSON.readTree(line.substring(start)));
      }
    }
    return lines;
  }


  private static double percentileMs(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private void awaitHealthy(Process server) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline && server.isAlive()) {
      try {
        if (http.send(HttpRequest.newBuilder(base.resolve("/_local/health")).GET().build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("local server not healthy (see bench/target/live-server.log)");
  }



}
