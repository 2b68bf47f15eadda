package com.tickethub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tickethub.local.server.LocalServer;
import com.tickethub.local.server.Options;
import com.tickethub.local.stack.DynamoRequests;
import com.tickethub.local.stack.ProjectRoot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The on-sale of a 20,000-seat arena on the local server (in this JVM, in memory, holds of 60 minutes so none
 * expires during the run): 16 sections of 25 rows of 50 seats around a stage, in three seated types. N buyers,
 * each with its own token and a new Idempotency-Key per request, buy 1 to 6 seats together, best available, of a
 * random type until every type answers 409 sold_out. Each type's largest quantity shrinks to one below the
 * quantity it was refused; a type is done when it refuses a single seat. Reported: purchases/s, latency, the
 * DynamoDB requests per seat sold (counted by a global SDK interceptor in the functions' own clients), the sold-out
 * seat map's read time and size, and the check that every seat is held by exactly one 201 answer.
 */
final class OnSaleBench {
  private static final ObjectMapper JSON = Api.JSON;
  private static final List<String> TYPES = List.of("Premium", "Lower", "Upper");

  private final Api api;

  private OnSaleBench(URI base) {
    this.api = new Api(base, Duration.ofSeconds(180));
  }

  static void main(String[] args) throws Exception {
    int buyers = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    Options options = Options.parse(ProjectRoot.find(), Map.of("PORT", "0"),
        List.of("--in-memory", "--parameter-overrides", "HoldMinutes=60"));
    try (LocalServer server = LocalServer.start(options, Map.of())) {
      new OnSaleBench(server.baseUri()).run(buyers);
    }
  }

  private void run(int buyers) throws Exception {
    String organizer = api.token("bench-org", "[\"organizer\"]");
    String body = arena();
    JsonNode event = api.send(api.post("/events", organizer, null, body), 201);
    String eventId = event.get("eventId").asText();
    Map<String, String> typeIds = new ConcurrentHashMap<>();
    Map<String, Integer> capacity = new ConcurrentHashMap<>();
    event.get("ticketTypes").forEach(t -> {
      typeIds.put(t.get("name").asText(), t.get("ticketTypeId").asText());
      capacity.put(t.get("name").asText(), t.get("capacity").asInt());
    });
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < buyers; i++) {
      tokens.add(api.token("bench-buyer-" + i, "[]"));
    }
    System.out.printf("arena of %,d seats (%,d-byte POST /events), %d buyers, local server in this JVM, %d cores%n%n",
        capacity.values().stream().mapToInt(Integer::intValue).sum(), body.length(), buyers,
        Runtime.getRuntime().availableProcessors());

    Map<String, AtomicInteger> largest = new ConcurrentHashMap<>();
    TYPES.forEach(t -> largest.put(t, new AtomicInteger(6)));
    Set<String> seatsSold = ConcurrentHashMap.newKeySet();
    AtomicLong seatsInAnswers = new AtomicLong();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    Map<String, Map<String, Long>> requestsBefore = DynamoRequests.snapshot();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(buyers);
    List<Future<?>> running = new ArrayList<>();
    for (String buyer : tokens) {
      running.add(pool.submit(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
          List<String> open = TYPES.stream().filter(t -> largest.get(t).get() > 0).toList();
          if (open.isEmpty()) {
            return null;
          }
          String type = open.get(random.nextInt(open.size()));
          int most = largest.get(type).get();
          if (most <= 0) {
            continue;
          }
          int quantity = 1 + random.nextInt(most);
          String request = JSON.writeValueAsString(Map.of("eventId", eventId, "items",
              List.of(Map.of("ticketTypeId", typeIds.get(type), "quantity", quantity, "together", true))));
          long sent = System.nanoTime();
          HttpResponse<String> response;
          try {
            response = api.exchange(api.post("/tickets/purchase", buyer, UUID.randomUUID().toString(), request));
          } catch (IOException e) {
            // a timeout counts as "other" (status 0); whatever it held comes back when its hold expires
            latencies.add(System.nanoTime() - sent);
            statuses.computeIfAbsent(0, s -> new AtomicLong()).incrementAndGet();
            continue;
          }
          latencies.add(System.nanoTime() - sent);
          statuses.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
          if (response.statusCode() == 201) {
            JSON.readTree(response.body()).get("items").get(0).get("seats").forEach(seat -> {
              seatsInAnswers.incrementAndGet();
              if (!seatsSold.add(seat.asText())) {
                throw new IllegalStateException(seat.asText() + " is in two answers");
              }
            });
          } else if (response.statusCode() == 409) {
            largest.get(type).accumulateAndGet(quantity - 1, Math::min);
          } else {
            throw new IllegalStateException("purchase answered " + response.statusCode() + ": " + response.body());
          }
        }
      }));
    }
    pool.shutdown();
    for (Future<?> buyer : running) {
      buyer.get(2, TimeUnit.HOURS);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Long> dynamo = new TreeMap<>();
    Api.minus(DynamoRequests.snapshot(), requestsBefore).values()
        .forEach(operations -> operations.forEach((operation, n) -> dynamo.merge(operation, n, Long::sum)));

    JsonNode stats = api.send(api.get("/events/" + eventId + "/stats", organizer), 200);
    long held = 0;
    long free = 0;
    boolean balanced = true;
    for (JsonNode type : stats.get("ticketTypes")) {
      held += type.get("held").asLong();
      free += type.get("available").asLong();
      balanced &= type.get("available").asLong() + type.get("held").asLong() + type.get("sold").asLong()
          + type.get("blocked").asLong() == type.get("capacity").asLong();
    }
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    long created = count(statuses, 201);
    long totalDynamo = dynamo.values().stream().mapToLong(Long::longValue).sum();
    System.out.println("| buyers | requests | 201 | 409 | other | seconds | purchases/s | seats/s | p50 ms | p95 ms "
        + "| p99 ms | seats sold | left free | DynamoDB requests per seat | invariant |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    System.out.printf("| %d | %d | %d | %d | %d | %.0f | %.1f | %.1f | %.0f | %.0f | %.0f | %,d | %d | %.1f | %s |%n%n",
        buyers, sorted.size(), created, count(statuses, 409), sorted.size() - created - count(statuses, 409), seconds,
        created / seconds, seatsInAnswers.get() / seconds,
        Percentiles.millis(sorted, 50), Percentiles.millis(sorted, 95), Percentiles.millis(sorted, 99),
        seatsInAnswers.get(), free,
        (double) totalDynamo / seatsInAnswers.get(),
        (balanced && seatsSold.size() == seatsInAnswers.get() && held >= seatsInAnswers.get() ? "ok" : "MISMATCH")
            + " (held " + held + ")");
    System.out.println("DynamoDB requests during the on-sale, by operation: " + dynamo);
    System.out.println();
    seatMap(eventId);
  }

  /** The sold-out map read 10 times, plain and gzip. */
  private void seatMap(String eventId) throws Exception {
    List<Long> plain = new ArrayList<>();
    int json = 0;
    int gzip = 0;
    for (int i = 0; i < 10; i++) {
      long sent = System.nanoTime();
      HttpResponse<byte[]> response = api.bytes(api.get("/events/" + eventId + "/seats", null));
      plain.add(System.nanoTime() - sent);
      json = response.body().length;
      gzip = api.bytes(api.get("/events/" + eventId + "/seats", null, Map.of("Accept-Encoding", "gzip"))).body()
          .length;
    }
    Collections.sort(plain);
    System.out.printf("Seat map after the on-sale: %,d bytes of JSON, %,d gzipped; GET p50 %.0f ms, max %.0f ms%n",
        json, gzip, Percentiles.millis(plain, 50), plain.get(plain.size() - 1) / 1e6);
  }

  /** 16 sections of 25 rows of 50 seats in a ring around a stage at (0, 0), in cm; the front rows of three Premium. */
  static String arena() {
    ObjectNode event = JSON.createObjectNode().put("name", "Arena on-sale").put("venue", "Bench Arena")
        .put("startsAt", "2030-06-01T19:30:00Z");
    ArrayNode types = event.putArray("ticketTypes");
    types.addObject().put("name", "Premium").put("priceCents", 12000).put("currency", "EUR").put("seated", true);
    types.addObject().put("name", "Lower").put("priceCents", 7500).put("currency", "EUR").put("seated", true);
    types.addObject().put("name", "Upper").put("priceCents", 3900).put("currency", "EUR").put("seated", true);
    ObjectNode seating = event.putObject("seating");
    seating.putObject("focus").put("x", 0).put("y", 0);
    ArrayNode sections = seating.putArray("sections");
    for (int i = 0; i < 16; i++) {
      double angle = Math.toRadians(i * 360.0 / 16);
      double ux = Math.sin(angle);
      double uy = -Math.cos(angle);
      double tx = Math.cos(angle);
      double ty = Math.sin(angle);
      ArrayNode rows = sections.addObject().put("id", String.valueOf(101 + i)).putArray("rows");
      for (int r = 1; r <= 25; r++) {
        double radius = 1500 + (r - 1) * 90;
        String category = (i == 0 || i == 1 || i == 15) && r <= 5 ? "Premium" : r <= 12 ? "Lower" : "Upper";
        ObjectNode row = rows.addObject().put("id", String.valueOf(r))
            .put("x", Math.round(ux * radius - tx * 50 * 24.5)).put("y", Math.round(uy * radius - ty * 50 * 24.5))
            .put("dx", Math.round(tx * 50)).put("dy", Math.round(ty * 50)).put("seats", 50).put("category", category);
        if (r == 1 || r == 13) {
          row.putArray("accessible").add(1).add(2).add(49).add(50);
        }
      }
    }
    return event.toString();
  }

  private static long count(Map<Integer, AtomicLong> statuses, int status) {
    AtomicLong n = statuses.get(status);
    return n == null ? 0 : n.get();
  }
}
