package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Live availability through the local server, the real path: a purchase's conditional write on dynalite ->
 * the local stack's stream record -> the stream event source's batch -> LiveBroadcasterFunction ->
 * PostToConnection on the local @connections endpoint -> the viewers' WebSockets.
 */
class LiveEndToEndTest {
  /** The contract: a change reaches every viewer within about a second (p95 <= 2 s). */
  private static final Duration CONTRACT = Duration.ofSeconds(2);
  private static final Duration PATIENCE = Duration.ofSeconds(15);
  private static final String NEW_EVENT = TestHttp.resource("bodies/new-event.json");

  private final TestHttp http = TestServer.http();
  private final String organizer = http.token("organizer-" + UUID.randomUUID(), List.of("organizer"));
  private final String buyer = http.token("buyer-" + UUID.randomUUID(), List.of());

  @Test
  void aHoldReachesTwentyViewersWithinTwoSeconds() throws Exception {
    JsonNode event = newEvent();
    List<LiveClient> viewers = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        LiveClient viewer = LiveClient.connect(TestServer.get().baseUri());
        viewers.add(viewer);
        assertEquals(500, available(viewer.subscribe(eventId(event)), general(event)));
      }
      purchase(event, general(event), 2);
      long answered = System.nanoTime();
      for (LiveClient viewer : viewers) {
        LiveClient.Received hold = viewer.until(m -> available(m, general(event)) == 498, PATIENCE)
            .get(0);
        assertEquals("changes", hold.message().path("type").asText());
        assertTrue(hold.nanos() - answered < CONTRACT.toNanos(),
            "the hold arrived " + (hold.nanos() - answered) / 1_000_000 + " ms after the 201");
      }
    } finally {
      viewers.forEach(LiveClient::close);
    }
  }

  @Test
  void aBurstOfHoldsArrivesCoalescedWithTheFinalCounts() throws Exception {
    JsonNode event = newEvent();
    try (LiveClient viewer = LiveClient.connect(TestServer.get().baseUri())) {
      long snapshotVersion = viewer.subscribe(eventId(event)).path("version").asLong();
      ExecutorService buyers = Executors.newFixedThreadPool(8);
      List<Future<?>> purchases = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        purchases.add(buyers.submit(() -> purchase(event, general(event), 1)));
      }
      for (Future<?> purchase : purchases) {
        purchase.get();
      }
      buyers.shutdown();

      List<LiveClient.Received> messages = viewer.until(m -> available(m, general(event)) == 476, PATIENCE);
      assertTrue(messages.size() < 24 / 2, "few messages for 24 holds, not " + messages.size());
      long previous = snapshotVersion;
      for (LiveClient.Received received : messages) {
        assertEquals("changes", received.message().path("type").asText());
        assertTrue(received.message().path("version").asLong() > previous, "versions only rise: " + messages);
        assertTrue(received.message().path("fromVersion").asLong() <= previous, "no gap: " + messages);
        previous = received.message().path("version").asLong();
      }
    }
  }

  @Test
  void aCancelledOrderComesBackOnSale() {
    JsonNode event = newEvent();
    try (LiveClient viewer = LiveClient.connect(TestServer.get().baseUri())) {
      viewer.subscribe(eventId(event));
      JsonNode order = purchase(event, general(event), 3);
      viewer.until(m -> available(m, general(event)) == 497, PATIENCE);

      TestHttp.Response cancelled = http.post("/orders/" + order.path("orderId").asText() + "/cancel", buyer, null);
      assertEquals(200, cancelled.status(), cancelled.body());

      viewer.until(m -> available(m, general(event)) == 500, PATIENCE);
    }
  }

  @Test
  void aSaleAndItsRefundShowUp() {
    JsonNode event = newEvent();
    try (LiveClient viewer = LiveClient.connect(TestServer.get().baseUri())) {
      viewer.subscribe(eventId(event));
      JsonNode order = purchase(event, general(event), 2);
      long held = viewer.until(m -> available(m, general(event)) == 498, PATIENCE).get(0).message()
          .path("version").asLong();

      String orderId = order.path("orderId").asText();
      assertEquals(202, http.post("/_local/stripe/pay", null, "{\"orderId\": \"" + orderId + "\"}").status());
      // A sale moves tickets from held to sold: the count stays, the version moves on.
      JsonNode sold = viewer.until(m -> m.path("version").asLong() > held, PATIENCE).get(0).message();
      assertEquals(498, available(sold, general(event)));

      TestHttp.Response refunded = http.post("/orders/" + orderId + "/refund", organizer, null);
      assertEquals(200, refunded.status(), refunded.body());
      viewer.until(m -> available(m, general(event)) == 500, PATIENCE);
    }
  }

  @Test
  void aViewerOfASeatedEventSeesAnotherBuyersSeatsHeldThenSoldThenFreeAgain() {
    TestHttp.Response created = http.post("/events", organizer, TestHttp.resource("seats/small-hall.json"));
    assertEquals(201, created.status(), created.body());
    JsonNode event = created.json();
    String stalls = event.path("ticketTypes").path(1).path("ticketTypeId").asText();
    try (LiveClient viewer = LiveClient.connect(TestServer.get().baseUri())) {
      JsonNode snapshot = viewer.subscribe(eventId(event));
      assertEquals(31, available(snapshot, stalls));
      assertEquals(snapshot.path("version").asLong(), snapshot.path("seats").path("version").asLong());
      assertEquals("FFFFFFFFFF", snapshot.path("seats").path("sections").path(0).path("rows").path(0).path("state")
          .asText());

      TestHttp.Response bought = http.send("POST", "/tickets/purchase", buyer, "{\"eventId\": \"" + eventId(event)
          + "\", \"items\": [{\"ticketTypeId\": \"" + stalls + "\", \"seats\": [\"A-1-4\", \"A-1-5\"]}]}",
          Map.of("Idempotency-Key", "live-" + UUID.randomUUID()));
      assertEquals(201, bought.status(), bought.body());
      long answered = System.nanoTime();
      LiveClient.Received held = last(viewer.until(m -> seats(m, "H"), PATIENCE));
      assertTrue(held.nanos() - answered < CONTRACT.toNanos(),
          "the held seats arrived " + (held.nanos() - answered) / 1_000_000 + " ms after the 201");
      assertEquals(29, available(held.message(), stalls));

      String orderId = bought.json().path("orderId").asText();
      assertEquals(202, http.post("/_local/stripe/pay", null, "{\"orderId\": \"" + orderId + "\"}").status());
      JsonNode sold = last(viewer.until(m -> seats(m, "S"), PATIENCE)).message();
      assertEquals(29, available(sold, stalls));

      TestHttp.Response refunded = http.post("/orders/" + orderId + "/refund", organizer, null);
      assertEquals(200, refunded.status(), refunded.body());
      JsonNode free = last(viewer.until(m -> seats(m, "F"), PATIENCE)).message();
      assertEquals(31, available(free, stalls));
    }
  }

  @Test
  void aConnectionWatchesSeveralEventsAndHearsOnlyOfThose() {
    JsonNode watched = newEvent();
    JsonNode other = newEvent();
    JsonNode unwatched = newEvent();
    try (LiveClient viewer = LiveClient.connect(TestServer.get().baseUri())) {
      viewer.subscribe(eventId(watched));
      viewer.subscribe(eventId(other));
      purchase(unwatched, general(unwatched), 1);
      purchase(other, general(other), 4);
      purchase(watched, general(watched), 1);

      List<JsonNode> heard = new ArrayList<>();
      viewer.until(m -> {
        heard.add(m);
        return heard.stream().anyMatch(h -> available(h, general(watched)) == 499)
            && heard.stream().anyMatch(h -> available(h, general(other)) == 496);
      }, PATIENCE);
      assertTrue(heard.stream().noneMatch(m -> m.path("eventId").asText().equals(eventId(unwatched))), heard.toString());
    }
  }

  @Test
  void badMessagesGetAnErrorAndTheConnectionStaysOpen() {
    JsonNode event = newEvent();
    try (LiveClient viewer = LiveClient.connect(TestServer.get().baseUri())) {
      for (String bad : List.of("hello", "[1,2]", "{\"action\": \"dance\"}", "{\"action\": \"subscribe\"}",
          "{\"action\": \"subscribe\", \"eventId\": 5}")) {
        viewer.send(bad);
        JsonNode answer = viewer.next(PATIENCE).orElseThrow();
        assertEquals("error", answer.path("type").asText(), bad);
        assertEquals("invalid_request", answer.path("code").asText(), bad);
        assertFalse(answer.path("detail").asText().isEmpty());
      }
      viewer.send("{\"action\": \"subscribe\", \"eventId\": \"" + UUID.randomUUID() + "\"}");
      assertEquals("not_found", viewer.next(PATIENCE).orElseThrow().path("code").asText());

      assertTrue(viewer.isOpen());
      assertEquals(500, available(viewer.subscribe(eventId(event)), general(event)));
    }
  }

  @Test
  void aStaleConnectionIsForgottenWhenAPostFindsItGone() {
    JsonNode event = newEvent();
    String stale = "Stale" + UUID.randomUUID().toString().substring(0, 10) + "=";
    var aws = TestServer.get().aws();
    String table = aws.tableName("LiveConnectionsTable");
    long expiresAt = Instant.now().plus(Duration.ofHours(2)).getEpochSecond();
    // A connection whose $disconnect was lost: subscribed, but API Gateway no longer has it.
    aws.dynamo().putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("EVENT#" + eventId(event)),
        "sk", AttributeValue.fromS("CONN#" + stale), "version", AttributeValue.fromN("0"),
        "expiresAt", AttributeValue.fromN(String.valueOf(expiresAt)))));
    aws.dynamo().putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("CONN#" + stale),
        "sk", AttributeValue.fromS("EVENT#" + eventId(event)), "expiresAt", AttributeValue.fromN(String.valueOf(expiresAt)))));
    try (LiveClient viewer = LiveClient.connect(TestServer.get().baseUri())) {
      viewer.subscribe(eventId(event));
      purchase(event, general(event), 1);
      viewer.until(m -> available(m, general(event)) == 499, PATIENCE);
    }

    Instant deadline = Instant.now().plus(PATIENCE);
    boolean gone = false;
    while (!gone && Instant.now().isBefore(deadline)) {
      gone = aws.dynamo().query(b -> b.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("CONN#" + stale)))).items().isEmpty()
          && !aws.dynamo().getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
              "pk", AttributeValue.fromS("EVENT#" + eventId(event)), "sk", AttributeValue.fromS("CONN#" + stale))))
          .hasItem();
    }
    assertTrue(gone, "the stale connection's subscription is removed");
  }

  @Test
  void pollingAnEventIsCacheableAndRevalidates() {
    JsonNode event = newEvent();
    TestHttp.Response first = http.get("/events/" + eventId(event), null);
    assertEquals(200, first.status());
    assertEquals("public, max-age=1", first.header("cache-control"));
    String etag = first.header("etag");
    assertFalse(etag.isEmpty());

    TestHttp.Response same = http.send("GET", "/events/" + eventId(event), null, null, Map.of("If-None-Match", etag));
    assertEquals(304, same.status());
    assertEquals("", same.body());

    purchase(event, general(event), 1);
    TestHttp.Response changed = http.send("GET", "/events/" + eventId(event), null, null, Map.of("If-None-Match", etag));
    assertEquals(200, changed.status());
    assertFalse(changed.header("etag").equals(etag));
  }

  private JsonNode newEvent() {
    TestHttp.Response created = http.post("/events", organizer, NEW_EVENT);
    assertEquals(201, created.status(), created.body());
    return created.json();
  }

  private JsonNode purchase(JsonNode event, String typeId, int quantity) {
    String body = "{\"eventId\": \"" + eventId(event) + "\", \"items\": [{\"ticketTypeId\": \"" + typeId
        + "\", \"quantity\": " + quantity + "}]}";
    TestHttp.Response response = http.send("POST", "/tickets/purchase", buyer, body,
        Map.of("Idempotency-Key", "live-" + UUID.randomUUID()));
    assertEquals(201, response.status(), response.body());
    return response.json();
  }

  private static String eventId(JsonNode event) {
    return event.path("eventId").asText();
  }

  private static String general(JsonNode event) {
    return event.path("ticketTypes").path(0).path("ticketTypeId").asText();
  }

  private static LiveClient.Received last(List<LiveClient.Received> messages) {
    return messages.get(messages.size() - 1);
  }

  /** True for a changes message in which both seats the test buys have {@code state}. */
  private static boolean seats(JsonNode message, String state) {
    return state.equals(message.path("seats").path("A-1-4").asText())
        && state.equals(message.path("seats").path("A-1-5").asText());
  }

  /** The type's available count in a snapshot or changes message; -1 when the message does not list it. */
  private static long available(JsonNode message, String typeId) {
    for (JsonNode type : message.path("ticketTypes")) {
      if (type.path("ticketTypeId").asText().equals(typeId)) {
        return type.path("available").asLong();
      }
    }
    return -1;
  }
}
