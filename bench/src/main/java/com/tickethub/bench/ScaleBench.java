package com.tickethub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.local.stack.ProjectRoot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a purchase's cost grows with the event: events of 1, 10 and 50 ticket types (one shard each) and of one type
 * in 1, 10 and 100 shards; per event one purchase that reads the event (the container's first), then
 * {@code purchases} sequential purchases of 2 tickets of a random type: client latency and the DynamoDB requests
 * of PurchaseFunction per purchase; and {@code GET /events/{id}} (which sums every shard's counts).
 */
final class ScaleBench {
  private ScaleBench() {}

  static void main(String[] args) throws Exception {
    int purchases = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    try (ServerProcess server = ServerProcess.start(ProjectRoot.find(), null, null,
        ProjectRoot.find().resolve("bench/target/scale-server.log"))) {
      Api api = server.api;
      String organizer = api.token("scale-org", "[\"organizer\"]");
      String buyer = api.token("scale-buyer", "[]");
      System.out.printf("%s; %d purchases of 2 tickets per event, one at a time%n%n", Machine.describe(), purchases);
      System.out.println("| event | first purchase: requests | purchase p50 ms | p95 ms | requests per purchase "
          + "| GET /events/{id}: ms (median of 5) | its requests |");
      System.out.println("|---|---:|---:|---:|---:|---:|---|");
      for (int types : List.of(1, 10, 50)) {
        List<Map<String, Object>> defs = new ArrayList<>();
        for (int t = 0; t < types; t++) {
          defs.add(Map.of("name", "Type " + t, "priceCents", 2000 + t, "currency", "EUR", "capacity", 1000));
        }
        System.out.println(row(api, organizer, buyer, types + " types x 1 shard", defs, purchases));
      }
      for (int shards : List.of(1, 10, 100)) {
        List<Map<String, Object>> defs = List.of(Map.of("name", "Arena", "priceCents", 5000, "currency", "EUR",
            "capacity", 200 * shards, "shards", shards));
        System.out.println(row(api, organizer, buyer, "1 type x " + shards + " shards", defs, purchases));
      }
    }
  }

  private static String row(Api api, String organizer, String buyer, String name, List<Map<String, Object>> defs,
      int purchases) throws Exception {
    JsonNode event = api.createEvent(organizer, name, defs);
    String eventId = event.get("eventId").asText();
    List<String> types = new ArrayList<>();
    event.get("ticketTypes").forEach(t -> types.add(t.get("ticketTypeId").asText()));
    Map<String, Map<String, Long>> start = api.dynamoRequests();
    buy(api, buyer, eventId, types.get(0));
    Map<String, Map<String, Long>> afterFirst = api.dynamoRequests();
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < purchases; i++) {
      long t0 = System.nanoTime();
      buy(api, buyer, eventId, types.get(ThreadLocalRandom.current().nextInt(types.size())));
      millis.add((System.nanoTime() - t0) / 1e6);
    }
    Map<String, Map<String, Long>> afterAll = api.dynamoRequests();
    List<Double> reads = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long t0 = System.nanoTime();
      api.send(api.get("/events/" + eventId, null), 200);
      reads.add((System.nanoTime() - t0) / 1e6);
    }
    Map<String, Long> readOps = Api.minus(api.dynamoRequests(), afterAll).getOrDefault("GetEventFunction", Map.of());
    millis.sort(Double::compare);
    reads.sort(Double::compare);
    return String.format("| %s | %d | %.0f | %.0f | %.2f | %.0f | %s per read |", name,
        Api.total(Api.minus(afterFirst, start).get("PurchaseFunction")), millis.get(millis.size() / 2),
        millis.get((int) Math.ceil(millis.size() * 0.95) - 1),
        Api.total(Api.minus(afterAll, afterFirst).get("PurchaseFunction")) / (double) purchases, reads.get(2),
        perRead(readOps));
  }

  private static Map<String, Long> perRead(Map<String, Long> ops) {
    Map<String, Long> each = new java.util.TreeMap<>();
    ops.forEach((op, n) -> each.put(op, n / 5));
    return each;
  }

  private static void buy(Api api, String buyer, String eventId, String type) throws Exception {
    api.send(api.post("/tickets/purchase", buyer, UUID.randomUUID().toString(), "{\"eventId\":\"" + eventId
        + "\",\"items\":[{\"ticketTypeId\":\"" + type + "\",\"quantity\":2}]}"), 201);
  }
}
