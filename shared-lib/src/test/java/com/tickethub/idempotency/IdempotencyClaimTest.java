package com.tickethub.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.errors.IdempotencyKeyReused;
import com.tickethub.errors.RequestInProgress;
import com.tickethub.testing.MutableClock;
import com.tickethub.testing.TestComponent;
import com.tickethub.testing.TestStack;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The claim / complete / release cycle of one key, on the real table. */
class IdempotencyClaimTest {
  private final MutableClock clock = MutableClock.startingNow();
  private final TestComponent app = TestStack.component(clock);
  private final Idempotency idempotency = app.idempotency();
  private final String key = "test#u1#" + UUID.randomUUID();

  @Test
  void secondRunWithSamePayloadReplaysTheFirstResultWithoutRunning() {
    AtomicInteger runs = new AtomicInteger();

    String first = idempotency.run(key, "{}", 10_000, claim -> "result-" + runs.incrementAndGet());
    String second = idempotency.run(key, "{}", 10_000, claim -> "result-" + runs.incrementAndGet());

    assertEquals("result-1", first);
    assertEquals("result-1", second);
    assertEquals(1, runs.get());
  }

  @Test
  void samePayloadIsRejectedWithAnotherPayload() {
    idempotency.run(key, "{\"a\":1}", 10_000, claim -> "done");

    assertThrows(IdempotencyKeyReused.class, () -> idempotency.run(key, "{\"a\":2}", 10_000, claim -> "again"));
  }

  @Test
  void runStillInProgressAnswersRetryAfter() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    Thread first = new Thread(() -> idempotency.run(key, "{}", 10_000, claim -> {
      started.countDown();
      await(finish);
      return "done";
    }));
    first.start();
    started.await();

    RequestInProgress busy = assertThrows(RequestInProgress.class, () -> idempotency.run(key, "{}", 10_000, claim -> "x"));

    finish.countDown();
    first.join();
    assertTrue(Long.parseLong(busy.headers().get("Retry-After")) >= 1);
    assertEquals("done", idempotency.run(key, "{}", 10_000, claim -> "x"));
  }

  @Test
  void failedRunGivesTheKeyBackForARetry() {
    assertThrows(IllegalStateException.class, () -> idempotency.run(key, "{}", 10_000, claim -> {
      throw new IllegalStateException("boom");
    }));

    assertEquals("retried", idempotency.run(key, "{}", 10_000, claim -> "retried"));
  }

  @Test
  void claimOfARunThatDiedIsTakenOverAfterItsInProgressExpiry() {
    IdempotencyStore store = app.idempotencyStore();
    long now = clock.instant().getEpochSecond();
    store.claim(new IdempotencyRecord(key, IdempotencyRecord.Status.INPROGRESS, Idempotency.sha256("{}"), null,
        now + 3600, clock.millis() + 5_000, "the-first-token"), now);

    assertThrows(RequestInProgress.class, () -> idempotency.run(key, "{}", 10_000, claim -> "too early"));
    clock.advance(Duration.ofSeconds(6));

    assertEquals("taken over the-first-token",
        idempotency.run(key, "{}", 10_000, claim -> (claim.resumed() ? "taken over " : "fresh ") + claim.token()));
  }

  @Test
  void freshClaimsGetNewTokensAndAreNotResumed() {
    String first = idempotency.run(key, "{}", 10_000, claim -> claim.resumed() + " " + claim.token());
    String other = idempotency.run(key + "-other", "{}", 10_000, claim -> claim.resumed() + " " + claim.token());

    assertTrue(first.startsWith("false "));
    assertTrue(other.startsWith("false "));
    assertNotEquals(first, other);
  }

  @Test
  void claimOfARunThatDiedIsNotTakenOverWithAnotherPayload() {
    IdempotencyStore store = app.idempotencyStore();
    long now = clock.instant().getEpochSecond();
    store.claim(new IdempotencyRecord(key, IdempotencyRecord.Status.INPROGRESS, Idempotency.sha256("{}"), null,
        now + 3600, clock.millis() + 5_000, "the-first-token"), now);
    clock.advance(Duration.ofSeconds(6));

    assertThrows(IdempotencyKeyReused.class, () -> idempotency.run(key, "{\"a\":1}", 10_000, claim -> "other"));
  }

  @Test
  void completedRecordIsForgottenAfterItsRetention() {
    idempotency.run(key, "{\"a\":1}", 10_000, claim -> "old");
    clock.advance(Idempotency.RETENTION.plusSeconds(1));

    assertEquals("new", idempotency.run(key, "{\"a\":2}", 10_000, claim -> "new"));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
