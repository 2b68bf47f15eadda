package com.tickethub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.local.stack.ProjectRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * DynamoDB requests per ticket sold end to end, counted by the local server per function and operation
 * ({@code GET /_local/dynamodb/requests}): N orders of 2 tickets of one type (no buyer limit, one shard) are
 * bought, paid through {@code /_local/stripe/pay} (webhook, queue, payment-events), each ticket is read once by
 * its buyer and checked in once at the gate, and each order's hold-expiry message arrives (HoldMinutes=1, so a
 * minute later). The requests of the steps a sale needs (purchase, webhook, payment-events, expire-holds,
 * validate) are divided by the tickets; the buyer's reads and the every-minute sweep are shown beside them.
 */
final class CostBench {
  private static final List<String> SALE = List.of("PurchaseFunction", "StripeWebhookFunction",
      "PaymentEventsFunction", "ExpireHoldsFunction", "ValidateFunction");

  private CostBench() {}

  static void main(String[] args) throws Exception {
    int orders = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Path tree = args.length > 1 ? Path.of(args[1]) : ProjectRoot.find();
    Path root = ProjectRoot.find();
    try (ServerProcess server = ServerProcess.start(tree, null, "HoldMinutes=1",
        root.resolve("bench/target/cost-server.log"))) {
      System.out.printf("%s; server of %s; %d orders of 2 tickets%n%n", Machine.describe(), tree, orders);
      System.out.println(run(server.api, orders));
    }
  }

  static String run(Api api, int orders) throws Exception {
    String organizer = api.token("cost-org", "[\"organizer\"]");
    String gate = api.token("cost-gate", "[\"staff\"]");
    JsonNode event = api.createEvent(organizer, "Cost", List.of(Map.of("name", "General", "priceCents", 3000,
        "currency", "EUR", "capacity", orders * 2 + 20, "maxPerOrder", 4)));
    String eventId = event.get("eventId").asText();
    String type = event.get("ticketTypes").get(0).get("ticketTypeId").asText();
    api.send(api.put("/events/" + eventId + "/staff", organizer, "{\"staff\":[\"cost-gate\"]}"), 200);
    String body = "{\"eventId\":\"" + eventId + "\",\"items\":[{\"ticketTypeId\":\"" + type + "\",\"quantity\":2}]}";
    String warm = api.token("cost-warm", "[]");
    api.send(api.post("/tickets/purchase", warm, UUID.randomUUID().toString(), body), 201); // reads the event once

    List<String> buyers = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      buyers.add(api.token("cost-buyer-" + i, "[]"));
    }
    Map<String, Map<String, Long>> start = api.dynamoRequests();
    List<String> orderIds = parallel(orders, i -> api.send(api.post("/tickets/purchase", buyers.get(i),
        UUID.randomUUID().toString(), body), 201).get("orderId").asText());
    Map<String, Map<String, Long>> afterPurchases = api.dynamoRequests();
    parallel(orders, i -> api.send(api.post("/_local/stripe/pay", null, null,
        "{\"orderId\":\"" + orderIds.get(i) + "\"}"), 202));
    List<List<String>> tickets = parallel(orders, i -> paidTickets(api, buyers.get(i), orderIds.get(i)));
    Map<String, Map<String, Long>> afterPayments = api.dynamoRequests();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      for (String ticket : tickets.get(i)) {
        codes.add(api.send(api.get("/tickets/" + ticket, buyers.get(i)), 200).get("code").asText());
      }
    }
    parallel(codes.size(), i -> api.send(api.post("/tickets/validate", gate, null, Api.JSON.writeValueAsString(
        Map.of("code", codes.get(i), "eventId", eventId, "gate", "North"))), 200));
    // The expiry messages come a minute after each purchase; wait until they stopped coming.
    Map<String, Map<String, Long>> end = settle(api, 75);
    Map<String, Map<String, Long>> all = Api.minus(end, start);
    long ticketCount = orders * 2L;

    StringBuilder out = new StringBuilder();
    out.append("| function (step) | requests by operation | per order | per ticket |\n|---|---|---:|---:|\n");
    double perTicket = 0;
    for (String function : SALE) {
      Map<String, Long> ops = all.getOrDefault(function, Map.of());
      perTicket += Api.total(ops) / (double) ticketCount;
      out.append(String.format("| %s | %s | %.2f | %.2f |%n", function, ops, Api.total(ops) / (double) orders,
          Api.total(ops) / (double) ticketCount));
    }
    out.append(String.format("| **sale, end to end** | | %.2f | **%.2f** |%n", perTicket * 2, perTicket));
    Map<String, Long> reads = all.getOrDefault("TicketsFunction", Map.of());
    out.append(String.format("| TicketsFunction (buyer reads each ticket once; not counted above) | %s | %.2f | %.2f |%n",
        reads, Api.total(reads) / (double) orders, Api.total(reads) / (double) ticketCount));
    Map<String, Long> sweep = all.getOrDefault("SweepHoldsFunction", Map.of());
    out.append(String.format("| SweepHoldsFunction (every minute, whatever sells) | %s | | |%n", sweep));
    Map<String, Long> polls = all.getOrDefault("OrdersFunction", Map.of());
    out.append(String.format("| OrdersFunction (the bench polling for PAID; not counted) | %s | | |%n%n", polls));
    out.append(String.format("Per purchase (all %d): %.2f; per payment: %.2f; per scan: %.2f%n", orders,
        Api.total(Api.minus(afterPurchases, start).get("PurchaseFunction")) / (double) orders,
        (Api.total(Api.minus(afterPayments, afterPurchases).get("PaymentEventsFunction"))
            + Api.total(Api.minus(afterPayments, afterPurchases).get("StripeWebhookFunction"))) / (double) orders,
        Api.total(all.get("ValidateFunction")) / (double) ticketCount));
    return out.toString();
  }

  private static List<String> paidTickets(Api api, String buyer, String orderId) throws Exception {
    for (int attempt = 0; attempt < 600; attempt++) {
      JsonNode order = api.send(api.get("/orders/" + orderId, buyer), 200);
      if (order.path("status").asText().equals("PAID")) {
        List<String> ids = new ArrayList<>();
        order.get("tickets").forEach(t -> ids.add(t.get("ticketId").asText()));
        return ids;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("order " + orderId + " was not PAID in 2 minutes");
  }

  /** Waits at least {@code seconds}, then until the counts stop changing for 10 s. */
  private static Map<String, Map<String, Long>> settle(Api api, int seconds) throws Exception {
    Thread.sleep(seconds * 1000L);
    Map<String, Map<String, Long>> last = api.dynamoRequests();
    while (true) {
      Thread.sleep(10_000);
      Map<String, Map<String, Long>> now = api.dynamoRequests();
      Map<String, Map<String, Long>> delta = new TreeMap<>(Api.minus(now, last));
      delta.remove("SweepHoldsFunction");
      if (delta.isEmpty()) {
        return now;
      }
      last = now;
    }
  }

  interface Step<T> {
    T run(int i) throws Exception;
  }

  /** Runs {@code step} for 0..n-1 on 8 threads, results in order. */
  static <T> List<T> parallel(int n, Step<T> step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(pool.submit(() -> step.run(index)));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }

}
