package com.tickethub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.local.stack.ProjectRoot;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * Purchase load on the local server (its own JVM, in memory): after a discarded warm-up, per concurrency level a
 * new event of two types (one with 8 shards) and N buyers, each with its own token and a new Idempotency-Key per
 * request, buying 1-2 tickets of a random type until both are sold out. Afterwards the event's stats must account for every ticket. Efficiency is
 * the DynamoDB requests the purchases sent per second (purchases/s x requests per purchase) over the emulator's raw
 * conditional-update rate ({@link RawRate}, same dynalite, measured before and after the level). The CPU
 * time of the server's JVM, of its dynalite and of this load generator during the round, per purchase answered, shows
 * where the machine's cores went; dynalite's efficiency is the same ratio in dynalite's CPU alone (the raw update's
 * cost to it x requests per purchase / a purchase's cost to it): the ratio with dynalite on a core of its own.
 * {@code --jfr} records a JFR profile of the server and prints its top frames; {@code --label} saves the rows
 * to bench/results/load-LABEL.json for {@code bench chart}; {@code --tree DIR} runs another build's server.
 */
final class PurchaseLoadBench {
  private static final Duration ROUND_LIMIT = Duration.ofSeconds(150);
  private static final int WARM_UP_TICKETS = 600;

  private final Api api;
  private final ServerProcess server;

  private PurchaseLoadBench(ServerProcess server) {
    this.api = server.api;
    this.server = server;
  }

  static void main(String[] args) throws Exception {
    Map<String, String> flags = new LinkedHashMap<>();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--jfr")) {
        flags.put("jfr", "true");
      } else if (args[i].startsWith("--")) {
        flags.put(args[i].substring(2), args[++i]);
      } else {
        positional.add(args[i]);
      }
    }
    int tickets = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 3000;
    List<Integer> levels = positional.size() > 1
        ? java.util.Arrays.stream(positional.get(1).split(",")).map(Integer::parseInt).toList() : List.of(4, 16, 32, 64);
    Path root = ProjectRoot.find();
    Path tree = flags.containsKey("tree") ? Path.of(flags.get("tree")) : root;
    String label = flags.getOrDefault("label", "run");
    Path results = root.resolve("bench/results");
    Files.createDirectories(results);
    Path jfr = flags.containsKey("jfr") ? root.resolve("bench/target/load-" + label + ".jfr") : null;
    List<Map<String, Object>> rows = new ArrayList<>();
    try (ServerProcess server = ServerProcess.start(tree, jfr, null, root.resolve("bench/target/load-server.log"))) {
      PurchaseLoadBench bench = new PurchaseLoadBench(server);
      System.out.printf("%s; server of %s; %d tickets per round (2 types, the second with 8 shards); before each "
          + "and after each round the emulator's raw conditional-update rate (max(16, buyers) threads, one item each, 5 s "
          + "after 2 s; the higher of the two counts); "
          + "first a discarded warm-up (a raw rate, and %d tickets sold to 16 buyers)%n%n",
          Machine.describe(), tree, tickets, WARM_UP_TICKETS);
      System.out.println("| buyers | requests | req/s | p50 ms | p95 ms | p99 ms | 201 | 409 | other | "
          + "DynamoDB req per purchase | raw updates/s | efficiency | CPU ms per purchase: server JVM / dynalite / "
          + "load generator | cores busy | dynalite ms per raw update | dynalite's efficiency | load avg | invariant |");
      System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|");
      // Discarded: the server's JIT, the functions' first calls and the proxy's connections would otherwise
      // slow the first level and its raw rate alone (a first raw rate of 338/s, then 922/s on the same 16 threads).
      RawRate.measure(server, 16, Duration.ofSeconds(5));
      bench.round(16, WARM_UP_TICKETS);
      for (int buyers : levels) {
        RawRate.Result before = RawRate.measure(server, Math.max(16, buyers), Duration.ofSeconds(5));
        Map<String, Object> row = bench.round(buyers, tickets);
        RawRate.Result raw = RawRate.best(before, RawRate.measure(server, Math.max(16, buyers), Duration.ofSeconds(5)));
        compare(row, raw);
        rows.add(row);
        System.out.printf("| %d | %d | %.0f | %.0f | %.0f | %.0f | %d | %d | %d | %.2f | %.0f | %.2f | %.1f / %.1f / %.1f "
            + "| %.2f | %.2f | %.2f | %.1f | %s |%n",
            buyers, row.get("requests"), row.get("rps"), row.get("p50"), row.get("p95"), row.get("p99"),
            row.get("created"), row.get("conflicts"), row.get("other"), row.get("dynamoPerPurchase"), raw.perSecond(),
            row.get("efficiency"), row.get("serverCpuMs"), row.get("dynaliteCpuMs"), row.get("clientCpuMs"),
            row.get("coresBusy"), raw.dynaliteMsPerUpdate(), row.get("dynaliteEfficiency"), row.get("loadAverage"),
            row.get("verdict"));
      }
      Api.JSON.writerWithDefaultPrettyPrinter().writeValue(results.resolve("load-" + label + ".json").toFile(),
          Map.of("label", label, "tree", tree.toString(), "rows", rows, "machine", Machine.describe()));
    }
    if (jfr != null) {
      System.out.println();
      System.out.println(Profile.summary(jfr, 15));
    }
  }

  private Map<String, Object> round(int buyers, int tickets) throws Exception {
    String organizer = api.token("bench-org", "[\"organizer\"]");
    JsonNode event = api.createEvent(organizer, "Bench " + buyers, List.of(
        Map.of("name", "Standing", "priceCents", 2500, "currency", "EUR", "capacity", tickets / 2),
        Map.of("name", "Seated", "priceCents", 4000, "currency", "EUR", "capacity", tickets - tickets / 2,
            "shards", 8)));
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
      tokens.add(api.token("bench-buyer-" + buyers + "-" + i, "[]"));
    }
    double load = Machine.loadAverage();
    Map<String, Map<String, Long>> before = api.dynamoRequests();
    ServerProcess.Cpu cpuBefore = server.cpu();
    long clientCpuBefore = ServerProcess.cpuMillis(ProcessHandle.current());
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
          String body = Api.JSON.writeValueAsString(Map.of("eventId", eventId,
              "items", List.of(Map.of("ticketTypeId", type, "quantity", 1 + random.nextInt(2)))));
          long sent = System.nanoTime();
          HttpResponse<String> response;
          try {
            response = api.exchange(api.post("/tickets/purchase", buyer, UUID.randomUUID().toString(), body));
          } catch (IOException e) {
            // a timeout or reset counts as "other" (status 0); the buyer goes on
            latencies.add(System.nanoTime() - sent);
            statuses.computeIfAbsent(0, s -> new AtomicLong()).incrementAndGet();
            continue;
          }
          latencies.add(System.nanoTime() - sent);
          statuses.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
          if (response.statusCode() == 201) {
            Api.JSON.readTree(response.body()).get("items").forEach(item ->
                bought.get(item.get("ticketTypeId").asText()).addAndGet(item.get("quantity").asLong()));
          } else if (response.statusCode() == 409
              && Api.JSON.readTree(response.body()).path("available").path(type).asLong(-1) == 0) {
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
    ServerProcess.Cpu cpuAfter = server.cpu();
    long clientCpu = ServerProcess.cpuMillis(ProcessHandle.current()) - clientCpuBefore;
    long dynamo = Api.total(Api.minus(api.dynamoRequests(), before).get("PurchaseFunction"));
    load = Math.max(load, Machine.loadAverage());

    JsonNode stats = api.send(api.get("/events/" + eventId + "/stats", organizer), 200);
    boolean balanced = true;
    for (JsonNode type : stats.get("ticketTypes")) {
      long held = type.get("held").asLong();
      long sold = type.get("sold").asLong();
      long answered = bought.get(type.get("ticketTypeId").asText()).get();
      balanced &= held + sold + type.get("available").asLong() == type.get("capacity").asLong()
          && held + sold == answered;
    }
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    long created = count(statuses, 201);
    long conflicts = count(statuses, 409);
    long other = sorted.size() - created - conflicts;
    double rps = sorted.size() / seconds;
    double perPurchase = sorted.isEmpty() ? 0 : dynamo / (double) sorted.size();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("buyers", buyers);
    row.put("requests", sorted.size());
    row.put("rps", rps);
    row.put("p50", Percentiles.millis(sorted, 50));
    row.put("p95", Percentiles.millis(sorted, 95));
    row.put("p99", Percentiles.millis(sorted, 99));
    row.put("created", created);
    row.put("conflicts", conflicts);
    row.put("other", other);
    row.put("dynamoPerPurchase", perPurchase);
    // Where the 2 cores went, per purchase answered: what a purchase costs the machine, beside what it costs dynalite.
    double answered = Math.max(1, sorted.size());
    long serverCpu = cpuAfter.serverMs() - cpuBefore.serverMs();
    long dynaliteCpu = cpuAfter.childrenMs() - cpuBefore.childrenMs();
    row.put("serverCpuMs", serverCpu / answered);
    row.put("dynaliteCpuMs", dynaliteCpu / answered);
    row.put("clientCpuMs", clientCpu / answered);
    row.put("coresBusy", (serverCpu + dynaliteCpu + clientCpu) / 1000.0 / seconds);
    row.put("loadAverage", load);
    row.put("verdict", (balanced ? "ok" : "MISMATCH") + (soldOut.size() < types.size() ? ", NOT sold out in "
        + ROUND_LIMIT.toSeconds() + " s" : "") + (other > 0 ? ", other statuses " + statuses : ""));
    return row;
  }

  /** Adds the efficiency against the emulator's raw rate, and the same ratio in dynalite's CPU alone. */
  private static void compare(Map<String, Object> row, RawRate.Result raw) {
    double rps = (double) row.get("rps");
    double perPurchase = (double) row.get("dynamoPerPurchase");
    double dynaliteMs = (double) row.get("dynaliteCpuMs");
    row.put("rawUpdatesPerSecond", raw.perSecond());
    row.put("efficiency", raw.perSecond() > 0 ? rps * perPurchase / raw.perSecond() : 0);
    // The efficiency if dynalite had a core of its own: what the purchase's requests would cost it as raw updates,
    // over what a purchase costs it (its requests, the stream proxy's image reads, the broadcaster's reads).
    row.put("rawDynaliteMsPerUpdate", raw.dynaliteMsPerUpdate());
    row.put("dynaliteEfficiency", dynaliteMs > 0 ? raw.dynaliteMsPerUpdate() * perPurchase / dynaliteMs : 0);
  }

  private static long count(Map<Integer, AtomicLong> statuses, int status) {
    AtomicLong n = statuses.get(status);
    return n == null ? 0 : n.get();
  }

}
