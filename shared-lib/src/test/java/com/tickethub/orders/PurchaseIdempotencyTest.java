package com.tickethub.orders;

import static com.tickethub.orders.PurchaseFixture.key;
import static com.tickethub.testing.Requests.buyer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.events.EventView;
import com.tickethub.http.Json;
import com.tickethub.inventory.TypeCounts;
import com.tickethub.testing.Backends;
import com.tickethub.testing.MutableClock;
import com.tickethub.testing.PurchaseTestComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

class PurchaseIdempotencyTest {
  private static final int THREADS = 20;

  private final MutableClock clock = new MutableClock(Instant.parse("2027-01-01T00:00:00Z"));
  private final CrashAt faults = new CrashAt();
  private final PurchaseTestComponent app = PurchaseTestComponent.create(clock, faults, Map.of());
  private final PurchaseFixture fixture = new PurchaseFixture(app);
  private final EventView event = fixture.event("small-event.json");
  private final String body = Json.write(PurchaseFixture.request(event, "Standard", 2));

  @Test
  @DisabledIfEnvironmentVariable(named = "TICKETHUB_TEST_BACKEND", matches = "moto",
      disabledReason = Backends.MOTO_DOES_NOT_SERIALIZE_WRITES)
  void sameKeyAndBodyFromManyThreadsIsOneOrderWithOneResponse() throws Exception {
    String key = key();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<APIGatewayV2HTTPResponse>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      futures.add(pool.submit(() -> {
        start.await();
        return postUntilNotInProgress(key);
      }));
    }
    start.countDown();
    List<APIGatewayV2HTTPResponse> responses = new ArrayList<>();
    for (Future<APIGatewayV2HTTPResponse> future : futures) {
      responses.add(future.get());
    }
    pool.shutdown();

    APIGatewayV2HTTPResponse first = responses.get(0);
    assertEquals(201, first.getStatusCode(), first.getBody());
    for (APIGatewayV2HTTPResponse response : responses) {
      assertEquals(first.getStatusCode(), response.getStatusCode());
      assertEquals(first.getBody(), response.getBody());
    }
    assertEquals(new TypeCounts(10, 8, 2, 0), fixture.counts(event, "Standard"));
    assertEquals(1, fixture.otherItems(event).size(), "one buyer counter");
    assertEquals(2, app.buyers().count(event.eventId(), PurchaseFixture.typeId(event, "Standard"), "u-same"));
  }

  @Test
  void sameKeyWithAnotherBodyIsRefused() {
    String key = key();
    assertEquals(201, fixture.post(buyer("u-reuse"), key, body).getStatusCode());

    APIGatewayV2HTTPResponse reused = fixture.post(buyer("u-reuse"), key,
        Json.write(PurchaseFixture.request(event, "Standard", 1)));

    assertEquals(422, reused.getStatusCode());
    assertEquals("idempotency_key_reused", Json.read(reused.getBody(), JsonNode.class).get("code").asText());
    assertEquals(new TypeCounts(10, 8, 2, 0), fixture.counts(event, "Standard"));
  }

  @Test
  void anotherCallerWithTheSameKeyGetsTheirOwnOrder() {
    String key = key();
    APIGatewayV2HTTPResponse mine = fixture.post(buyer("u-one"), key, body);

    APIGatewayV2HTTPResponse theirs = fixture.post(buyer("u-two"), key, body);

    assertEquals(201, theirs.getStatusCode());
    assertNotEquals(orderId(mine), orderId(theirs));
    assertEquals(new TypeCounts(10, 6, 4, 0), fixture.counts(event, "Standard"));
  }

  @Test
  void keyWhoseFirstAttemptFailedBeforeItsOrderCanBeRetried() {
    String key = key();
    faults.outage(Checkpoint.INTENT_CREATED);
    assertEquals(500, fixture.post(buyer("u-retry"), key, body).getStatusCode());

    APIGatewayV2HTTPResponse retried = fixture.post(buyer("u-retry"), key, body);

    assertEquals(201, retried.getStatusCode(), retried.getBody());
    assertEquals(OrderStatus.PENDING_PAYMENT, app.orders().find(orderId(retried)).orElseThrow().status());
    assertEquals(new TypeCounts(10, 8, 2, 0), fixture.counts(event, "Standard"));
  }

  @Test
  void failureAfterTheOrderIsWrittenStillAnswersThatOrderAndARetryReplaysIt() {
    String key = key();
    faults.outage(Checkpoint.ORDER_WRITTEN);
    APIGatewayV2HTTPResponse first = fixture.post(buyer("u-after"), key, body);

    APIGatewayV2HTTPResponse retried = fixture.post(buyer("u-after"), key, body);

    assertEquals(201, first.getStatusCode(), first.getBody());
    assertEquals(first.getBody(), retried.getBody());
    assertEquals(new TypeCounts(10, 8, 2, 0), fixture.counts(event, "Standard"));
  }

  @Test
  void keyWhoseFirstAttemptSoldOutCanBeRetriedOnceTicketsAreBack() {
    fixture.post(buyer("u-s1"), key(), Json.write(PurchaseFixture.request(event, "Standard", 4)));
    fixture.post(buyer("u-s2"), key(), Json.write(PurchaseFixture.request(event, "Standard", 4)));
    fixture.post(buyer("u-s3"), key(), body);
    String key = key();
    APIGatewayV2HTTPResponse soldOut = fixture.post(buyer("u-s4"), key, body);
    assertEquals(409, soldOut.getStatusCode());
    assertEquals(0, Json.read(soldOut.getBody(), JsonNode.class).get("available")
        .get(PurchaseFixture.typeId(event, "Standard")).asInt());
    clock.advance(Duration.ofMinutes(11));
    app.expiry().sweep();

    APIGatewayV2HTTPResponse retried = fixture.post(buyer("u-s4"), key, body);

    assertEquals(201, retried.getStatusCode(), retried.getBody());
    assertEquals(new TypeCounts(10, 8, 2, 0), fixture.counts(event, "Standard"));
  }

  /** A client that honours 409 request_in_progress by trying again. */
  private APIGatewayV2HTTPResponse postUntilNotInProgress(String key) throws InterruptedException {
    while (true) {
      APIGatewayV2HTTPResponse response = fixture.post(buyer("u-same"), key, body);
      if (response.getStatusCode() != 409) {
        return response;
      }
      assertEquals("request_in_progress", Json.read(response.getBody(), JsonNode.class).get("code").asText());
      Thread.sleep(20);
    }
  }

  private static String orderId(APIGatewayV2HTTPResponse response) {
    return Json.read(response.getBody(), JsonNode.class).get("orderId").asText();
  }
}
