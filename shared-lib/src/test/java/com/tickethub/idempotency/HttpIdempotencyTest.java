package com.tickethub.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

  private ApiResponse run(Claim claim) {
    return ApiResponse.json(200, Map.of("run", runs.incrementAndGet()));
  }

  private ApiRequest cancel(String orderId) {
    return new ApiRequest("POST /orders/{orderId}/cancel", Map.of("orderId", orderId),
        Map.of("idempotency-key", key), Map.of(), null, Optional.of(Requests.buyer("u-1")), 30_000);
  }
}
