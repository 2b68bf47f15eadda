package com.tickethub.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.tickethub.errors.InvalidRequest;
import com.tickethub.http.ApiRequest;
import com.tickethub.http.ApiResponse;
import com.tickethub.http.Json;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The Idempotency-Key header of API.md on top of {@link Idempotency}: keys are scoped to the function
 * and the caller's {@code sub}, and a replay gets the first response again, status, headers and body.
 */
@Singleton
public class HttpIdempotency {
  public static final String HEADER = "Idempotency-Key";
  private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

  private final Idempotency idempotency;

  @Inject
  public HttpIdempotency(Idempotency idempotency) {
    this.idempotency = idempotency;
  }

  /**
   * Runs {@code action} once per key, handing it the claim (whose token a purchase uses as its order id);
   * without the header it just runs, with a fresh claim, unless the key is required.
   */
  public ApiResponse apply(String function, ApiRequest request, boolean required, Function<Claim, ApiResponse> action) {
    Optional<String> key = key(request, required);
    if (key.isEmpty()) {
      return action.apply(new Claim(UUID.randomUUID().toString(), false));
    }
    String scoped = Idempotency.scope(function, request.caller().sub(), key.get());
    String stored = idempotency.run(scoped, payload(request), request.remainingMillis(),
        claim -> Json.write(action.apply(claim)));
    try {
      return Json.MAPPER.readValue(stored, ApiResponse.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What must be the same for a replay: the route and its path parameters as well as the body, so that one
   * key sent to cancel two different orders (no body either time) is a reuse, not a replay of the first.
   */
  private static String payload(ApiRequest request) {
    return request.routeKey() + "\n" + new TreeMap<>(request.pathParameters()) + "\n"
        + (request.body() == null ? "" : request.body());
  }

  /** The request's key, validated; present whenever {@code required}. */
  public static Optional<String> key(ApiRequest request, boolean required) {
    Optional<String> key = request.header(HEADER);
    if (key.isEmpty() && required) {
      throw new InvalidRequest(HEADER, "header is required");
    }
    if (key.isPresent() && !VALID_KEY.matcher(key.get()).matches()) {
      throw new InvalidRequest(HEADER, "must be 1 to 128 printable ASCII characters");
    }
    return key;
  }
}
