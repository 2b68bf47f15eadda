package com.tickethub.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tickethub.errors.IdempotencyKeyReused;
import com.tickethub.http.ApiRequest;
import com.tickethub.http.ApiResponse;
import com.tickethub.testing.Requests;
import com.tickethub.testing.TestStack;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Idempotency-Key header on top of the claim: what a replay must match. */
class HttpIdempotencyTest {
  private final HttpIdempotency idempotency = TestStack.component().httpIdempotency();
  private final String key = UUID.randomUUID().toString();
  private final AtomicInteger runs = new AtomicInteger();

  @Test
  void sameKeyOnTheSameResourceReplaysTheFirstResponse() {
    ApiResponse first = idempotency.apply("test", cancel("order-1"), false, this::run);
    ApiResponse second = idempotency.apply("test", cancel("order-1"), false, this::run);

    assertEquals(first, second);
    assertEquals(1, runs.get());
  }

  @Test
  void sameKeyOnAnotherResourceIsAReuseNotAReplay() {
    idempotency.apply("test", cancel("order-1"), false, this::run);

    assertThrows(IdempotencyKeyReused.class, () -> idempotency.apply("test", cancel("order-2"), false, this::run));
    assertEquals(1, runs.get());
  }

  @Test
  void callersWhoseSubAndKeyJoinToTheSameTextNeverShareARecord() {
    String suffix = UUID.randomUUID().toString();
    ApiResponse alice = idempotency.apply("test", create("alice#k", suffix + "-1"), false, this::run);
    ApiResponse other = idempotency.apply("test", create("alice", "k#" + suffix + "-1"), false, this::run);

    assertNotEquals(alice, other);
    assertEquals(2, runs.get());
  }

  @Test
  void scopeEncodesTheSeparatorInsideEachPart() {
    assertNotEquals(Idempotency.scope("f", "alice#k", "1"), Idempotency.scope("f", "alice", "k#1"));
    assertNotEquals(Idempotency.scope("f", "a%23", "1"), Idempotency.scope("f", "a#", "1"));
    assertEquals("purchase#u-1#key-1", Idempotency.scope("purchase", "u-1", "key-1"));
  }

  private ApiResponse run(Claim claim) {
    return ApiResponse.json(200, Map.of("run", runs.incrementAndGet()));
  }

  private ApiRequest create(String sub, String idempotencyKey) {
    return new ApiRequest("POST /events", Map.of(), Map.of("idempotency-key", idempotencyKey), Map.of(), "{}",
        Optional.of(Requests.buyer(sub)), 30_000);
  }

  private ApiRequest cancel(String orderId) {
    return new ApiRequest("POST /orders/{orderId}/cancel", Map.of("orderId", orderId),
        Map.of("idempotency-key", key), Map.of(), null, Optional.of(Requests.buyer("u-1")), 30_000);
  }
}
