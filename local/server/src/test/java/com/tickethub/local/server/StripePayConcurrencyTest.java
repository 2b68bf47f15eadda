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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /_local/stripe/pay} never waits for another request of its own server: 64 at once (twice the
 * server's request workers) all answer 202 promptly, and every order is paid.
 */
class StripePayConcurrencyTest {
  private static final int PAYMENTS = 64;
  /** The whole burst; before the fix each call waited 10 s for a worker and then answered 500. */
  private static final Duration PROMPTLY = Duration.ofSeconds(20);

  private final TestHttp http = TestServer.http();

  @Test
  void sixtyFourPaymentsAtOnceAllAnswerPromptlyAndArePaid() throws Exception {
    String organizer = http.token("organizer-" + UUID.randomUUID(), List.of("organizer"));
    JsonNode event = http.post("/events", organizer, TestHttp.resource("bodies/new-event.json")).json();
    String buyer = http.token("buyer-" + UUID.randomUUID(), List.of());
    String body = "{\"eventId\": \"" + event.path("eventId").asText() + "\", \"items\": [{\"ticketTypeId\": \""
        + event.path("ticketTypes").path(0).path("ticketTypeId").asText() + "\", \"quantity\": 1}]}";
    List<String> orders = new ArrayList<>();
    for (int i = 0; i < PAYMENTS; i++) {
      TestHttp.Response order = http.send("POST", "/tickets/purchase", buyer, body,
          Map.of("Idempotency-Key", "burst-" + UUID.randomUUID()));
      assertEquals(201, order.status(), order.body());
      orders.add(order.json().path("orderId").asText());
    }

    ExecutorService clients = Executors.newFixedThreadPool(PAYMENTS);
    List<Future<TestHttp.Response>> answers = new ArrayList<>();
    Instant started = Instant.now();
    try {
      for (String orderId : orders) {
        Callable<TestHttp.Response> pay = () -> http.post("/_local/stripe/pay", null, "{\"orderId\": \"" + orderId + "\"}");
        answers.add(clients.submit(pay));
      }
      for (Future<TestHttp.Response> answer : answers) {
        TestHttp.Response response = answer.get(60, TimeUnit.SECONDS);
        assertEquals(202, response.status(), response.body());
      }
    } finally {
      clients.shutdownNow();
    }
    Duration took = Duration.between(started, Instant.now());
    assertTrue(took.compareTo(PROMPTLY) < 0, PAYMENTS + " payments took " + took);

    for (String orderId : orders) {
      assertEquals("PAID", awaitPaid(orderId, buyer), orderId);
    }
  }

  private String awaitPaid(String orderId, String buyer) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    String status;
    do {
      status = http.get("/orders/" + orderId, buyer).json().path("status").asText();
      if (status.equals("PAID")) {
        return status;
      }
      Thread.sleep(200);
    } while (Instant.now().isBefore(deadline));
    return status;
  }
}
