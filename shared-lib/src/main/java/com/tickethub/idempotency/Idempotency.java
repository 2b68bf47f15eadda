package com.tickethub.idempotency;

import com.tickethub.errors.IdempotencyKeyReused;
import com.tickethub.errors.RequestInProgress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Runs an action at most once per key: the first caller claims the key with one conditional put,
 * runs, and stores the result; later callers with the same payload get the stored result, with
 * another payload 422, and while the first still runs 409 with Retry-After. An action that throws
 * gives the key back, so that the caller can retry.
 */
@Singleton
public class Idempotency {
  /** How long a completed result is replayed. */
  public static final Duration RETENTION = Duration.ofHours(24);

  private final IdempotencyStore store;
  private final Clock clock;

  @Inject
  public Idempotency(IdempotencyStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * @param key the full key, already scoped: {@link #scope}
   * @param payload what must be the same on a replay (the request body)
   * @param remainingMillis how long the current invocation may still run: after that, a claim that
   *     was never completed (the function died) can be taken over
   * @return the action's result, or the stored result of the first run
   */
  public String run(String key, String payload, long remainingMillis, Function<Claim, String> action) {
    String validation = sha256(payload);
    for (int attempt = 0; attempt < 3; attempt++) {
      Instant now = clock.instant();
      IdempotencyRecord claim = new IdempotencyRecord(key, IdempotencyRecord.Status.INPROGRESS, validation, null,
          now.plus(RETENTION).getEpochSecond(), now.toEpochMilli() + remainingMillis, UUID.randomUUID().toString());
      if (store.claim(claim, now.getEpochSecond())) {
        return runClaimed(key, new Claim(claim.token(), false), action);
      }
      Optional<String> resumed = store.takeOver(claim, now.toEpochMilli());
      if (resumed.isPresent()) {
        return runClaimed(key, new Claim(resumed.get(), true), action);
      }
      Optional<IdempotencyRecord> existing = store.find(key);
      if (existing.isEmpty()) {
        continue; // the holder failed and gave the key back between our claim and our read
      }
      IdempotencyRecord record = existing.get();
      if (!validation.equals(record.validation())) {
        throw new IdempotencyKeyReused("This Idempotency-Key was used with a different request body");
      }
      if (record.status() == IdempotencyRecord.Status.COMPLETED) {
        return record.data();
      }
      long waitMillis = record.inProgressExpirationEpochMillis() - now.toEpochMilli();
      throw new RequestInProgress((waitMillis + 999) / 1000);
    }
    throw new RequestInProgress(1);
  }

  /**
   * The record id of one caller's key of one function: {@code function#caller#key}, with {@code %} and
   * {@code #} percent-encoded inside each part, so that every id has exactly one reading: a caller
   * {@code alice#k} with key {@code 1} ({@code alice%23k#1}) never shares a record with {@code alice} and
   * {@code k#1} ({@code alice#k%231}).
   */
  public static String scope(String function, String caller, String key) {
    return escape(function) + "#" + escape(caller) + "#" + escape(key);
  }

  private static String escape(String part) {
    return part.replace("%", "%25").replace("#", "%23");
  }

  private String runClaimed(String key, Claim claim, Function<Claim, String> action) {
    String result;
    try {
      result = action.apply(claim);
    } catch (RuntimeException e) {
      store.release(key);
      throw e;
    }
    store.complete(key, result, clock.instant().plus(RETENTION).getEpochSecond());
    return result;
  }

  public static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(
          (text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
