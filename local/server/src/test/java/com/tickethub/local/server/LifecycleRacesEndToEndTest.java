package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/**
 * The interleavings of issue 8, as a hostile operator produces them with concurrent requests on the local
 * server: a refund racing a gate scan, a late payment racing repeated cancels, and readers polling an order
 * while it is being paid. Each ends with the books checked: per type, sold equals the tickets of PAID orders.
 */
@Tag("slow")
// moto applies concurrent writes to one item without serializing them (README, "Two backends"): a race there
// would only measure moto, so these run on dynalite, which serializes them as DynamoDB does.
@DisabledIfEnvironmentVariable(named = "TICKETHUB_TEST_BACKEND", matches = "moto",
    disabledReason = "moto does not serialize concurrent conditional writes to one item (DynamoDB and dynalite do)")
class LifecycleRacesEndToEndTest {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final TestHttp http = TestServer.http();
  private final String organizer = http.token("org-race-" + UUID.randomUUID(), List.of("organizer"));
  private final String gateSub = "gate-race-" + UUID.randomUUID();
  private final String gate = http.token(gateSub, List.of("staff"));
  private final String buyer = http.token("buyer-race-" + UUID.randomUUID(), List.of());
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private record Event(String eventId, String typeId) {}

  private Event newEvent(int capacity) {
    String body = TestHttp.resource("bodies/lifecycle-event.json").replace("${staff}", gateSub)
        .replace("${capacity}", Integer.toString(capacity));
    TestHttp.Response created = http.post("/events", organizer, body);
    assertEquals(201, created.status(), created.body());
    return new Event(created.json().path("eventId").asText(),
        created.json().path("ticketTypes").path(0).path("ticketTypeId").asText());
  }

  private String buy(Event event, int quantity) {
    String body = "{\"eventId\": \"" + event.eventId() + "\", \"items\": [{\"ticketTypeId\": \"" + event.typeId()
        + "\", \"quantity\": " + quantity + "}]}";
    TestHttp.Response response = http.send("POST", "/tickets/purchase", buyer, body,
        Map.of("Idempotency-Key", "race-" + UUID.randomUUID()));
    assertEquals(201, response.status(), response.body());
    return response.json().path("orderId").asText();
  }

  private void pay(String orderId) {
    TestHttp.Response pay = http.post("/_local/stripe/pay", null, "{\"orderId\": \"" + orderId + "\"}");
    assertEquals(202, pay.status(), pay.body());
  }

  private JsonNode order(String orderId) {
    TestHttp.Response order = http.get("/orders/" + orderId, buyer);
    assertEquals(200, order.status(), order.body());
    return order.json();
  }

  private JsonNode awaitOrder(String orderId, Predicate<JsonNode> done) {
    Instant deadline = Instant.now().plus(PATIENCE);
    JsonNode order = order(orderId);
    while (!done.test(order) && Instant.now().isBefore(deadline)) {
      sleep(50);
      order = order(orderId);
    }
    return order;
  }

  private static boolean paid(JsonNode order) {
    return order.path("status").asText().equals("PAID");
  }

  private String paidOrder(Event event, int quantity) {
    String orderId = buy(event, quantity);
    pay(orderId);
    JsonNode paid = awaitOrder(orderId, LifecycleRacesEndToEndTest::paid);
    assertEquals("PAID", paid.path("status").asText(), paid.toString());
    return orderId;
  }

  private String code(String ticketId) {
    TestHttp.Response ticket = http.get("/tickets/" + ticketId, buyer);
    assertEquals(200, ticket.status(), ticket.body());
    return ticket.json().path("code").asText();
  }

  private JsonNode counts(Event event) {
    TestHttp.Response stats = http.get("/events/" + event.eventId() + "/stats", organizer);
    assertEquals(200, stats.status(), stats.body());
    return stats.json().path("ticketTypes").path(0);
  }

  /** The books of the event once everything settled: sold is exactly the tickets of its PAID orders. */
  private void assertBooksBalance(Event event, int capacity, List<String> orderIds) {
    long paidTickets = 0;
    for (String orderId : orderIds) {
      JsonNode order = awaitOrder(orderId, o -> !o.path("status").asText().equals("PENDING_PAYMENT"));
      if (paid(order)) {
        paidTickets += order.path("tickets").size();
      }
    }
    JsonNode counts = counts(event);
    assertEquals(paidTickets, counts.path("sold").asLong(), counts.toString());
    assertEquals(0, counts.path("held").asLong(), counts.toString());
    assertEquals(capacity - paidTickets, counts.path("available").asLong(), counts.toString());
  }

  @Test
  void refundRacingAGateScanEitherRefundsEverythingOrNothing() throws Exception {
    int orders = 40;
    Event event = newEvent(orders * 4);
    List<String> orderIds = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      orderIds.add(paidOrder(event, 4));
    }
    for (String orderId : orderIds) {
      String code = code(order(orderId).path("tickets").path(3).path("ticketId").asText());
      CyclicBarrier start = new CyclicBarrier(2);
      Future<TestHttp.Response> refund = pool.submit(() -> {
        start.await();
        return http.post("/orders/" + orderId + "/refund", organizer, null);
      });
      Future<TestHttp.Response> scan = pool.submit(() -> {
        start.await();
        return http.post("/tickets/validate", gate,
            "{\"code\": \"" + code + "\", \"eventId\": \"" + event.eventId() + "\", \"gate\": \"North\"}");
      });
      TestHttp.Response refunded = refund.get();
      TestHttp.Response scanned = scan.get();

      JsonNode order = order(orderId);
      List<String> statuses = new ArrayList<>();
      order.path("tickets").forEach(t -> statuses.add(t.path("status").asText()));
      if (refunded.status() == 200) {
        assertEquals("REFUNDED", order.path("status").asText(), order.toString());
        assertEquals(List.of("VOID", "VOID", "VOID", "VOID"), statuses, order.toString());
        assertEquals("VOID", scanned.json().path("result").asText(), scanned.body());
      } else {
        assertEquals(409, refunded.status(), refunded.body());
        assertEquals("already_checked_in", refunded.json().path("code").asText());
        assertEquals("VALID", scanned.json().path("result").asText(), scanned.body());
        assertEquals("PAID", order.path("status").asText(), order.toString());
        assertEquals(List.of("ISSUED", "ISSUED", "ISSUED", "CHECKED_IN"), statuses, order.toString());
      }
    }
    assertBooksBalance(event, orders * 4, orderIds);
  }

  @Test
  void latePaymentRacingRepeatedCancelsNeverSellsMoreThanCapacity() throws Exception {
    int orders = 30;
    int capacity = orders * 2;
    Event event = newEvent(capacity);
    List<String> orderIds = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      String orderId = buy(event, 2);
      TestHttp.Response cancelled = http.post("/orders/" + orderId + "/cancel", buyer, null);
      assertEquals(200, cancelled.status(), cancelled.body());
      orderIds.add(orderId);
    }
    List<Future<?>> racers = new ArrayList<>();
    for (String orderId : orderIds) {
      AtomicBoolean settled = new AtomicBoolean();
      racers.add(pool.submit(() -> {
        pay(orderId);
        awaitOrder(orderId, LifecycleRacesEndToEndTest::paid);
        settled.set(true);
        return null;
      }));
      racers.add(pool.submit((Callable<Void>) () -> {
        while (!settled.get()) {
          http.post("/orders/" + orderId + "/cancel", buyer, null); // a repeat answers the cancelled order
        }
        return null;
      }));
    }
    for (Future<?> racer : racers) {
      racer.get();
    }
    // Everything was there to take again: every late payment must have bought its tickets for real.
    assertBooksBalance(event, capacity, orderIds);
    orderIds.forEach(orderId -> assertEquals("PAID", order(orderId).path("status").asText()));
  }

  @Test
  void anOrderIsNeverSeenPaidWithoutAllItsTickets() throws Exception {
    Event event = newEvent(200);
    int seenPaid = 0;
    for (int i = 0; i < 10; i++) {
      String orderId = buy(event, 10);
      pay(orderId);
      Instant deadline = Instant.now().plus(PATIENCE);
      JsonNode order = order(orderId);
      while (!paid(order) || order.path("tickets").size() < 10) {
        if (paid(order)) {
          seenPaid++;
          assertEquals(10, order.path("tickets").size(), "PAID with " + order.path("tickets").size() + " tickets");
        }
        assertTrue(Instant.now().isBefore(deadline), order.toString());
        order = order(orderId);
      }
      seenPaid++;
    }
    assertTrue(seenPaid >= 10);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
