package com.tickethub.payments.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The few calls TicketHub makes to Stripe's REST API (form-encoded POSTs that answer JSON), over the JDK's HTTP
 * client. stripe-java would bring a model of Stripe's whole API, 20 MB of jar that no function loads; this
 * speaks the same wire protocol as stripe-java 33.3.0 (its API version, its headers and its retry rule), and
 * its tests run against a stub of the API.
 */
public final class StripeApi {
  public static final String LIVE_API_BASE = "https://api.stripe.com";
  /** The API version stripe-java 33.3.0 pins, which the stubs' fixtures and our parsing follow. */
  public static final String API_VERSION = "2026-07-29.dahlia";
  private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(500);
  private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(5);

  /** What Stripe answered with an error status: the fields of its {@code error} object that we act on. */
  public static final class Failure extends RuntimeException {
    private final int status;
    private final JsonNode error;

    Failure(int status, JsonNode error) {
      super("HTTP " + status + " " + error.path("type").asText("") + ": " + error.path("message").asText(""));
      this.status = status;
      this.error = error;
    }

    public int status() {
      return status;
    }

    /** {@code card_error}, {@code invalid_request_error}, {@code api_error}, ... */
    public String type() {
      return error.path("type").asText("");
    }

    public String code() {
      return error.path("code").asText("");
    }

    public String declineCode() {
      return error.path("decline_code").asText(null);
    }

    /** Stripe's message, written for the payer on a card error. */
    public String userMessage() {
      return error.path("message").asText(null);
    }

    /** The status of the PaymentIntent the error is about, when Stripe says it. */
    public Optional<String> intentStatus() {
      return Optional.ofNullable(error.path("payment_intent").path("status").asText(null));
    }
  }

  /** Stripe could not be reached, or did not answer in time, on any attempt. */
  public static final class Unreachable extends RuntimeException {
    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final HttpClient http;
  private final Supplier<String> apiKey;
  private final String apiBase;
  private final Duration readTimeout;
  private final int maxNetworkRetries;

  /** {@code apiKey} is asked at each request (the Stripe secrets read it once, on first use). */
  public StripeApi(Supplier<String> apiKey, String apiBase, Duration connectTimeout, Duration readTimeout,
      int maxNetworkRetries) {
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    this.apiKey = apiKey;
    this.apiBase = apiBase;
    this.readTimeout = readTimeout;
    this.maxNetworkRetries = maxNetworkRetries;
  }

  /**
   * POSTs {@code form} to {@code path} and returns the JSON object Stripe answered. Like stripe-java, a POST
   * without a key gets a random one, so that its retries are safe: every attempt carries the same key.
   * Retried as stripe-java retries: a connection failure or timeout, a {@code Stripe-Should-Retry: true}, a 409
   * and a 5xx, unless {@code Stripe-Should-Retry: false}.
   */
  public JsonNode post(String path, Map<String, String> form, String idempotencyKey) {
    return send(path, request(path)
        .header("Idempotency-Key", idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
        .build());
  }

  /**
   * SnapStart priming: reads a PaymentIntent that does not exist, which fetches the API key and warms the HTTP
   * client, TLS and the error path before the snapshot, and changes nothing at Stripe.
   */
  public void prime() {
    try {
      send("/v1/payment_intents/pi_priming", request("/v1/payment_intents/pi_priming").GET().build());
    } catch (Failure expected) {
      // the 404 of a missing intent is the expected answer
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(apiBase + path))
        .timeout(readTimeout)
        .header("Authorization", "Bearer " + apiKey.get())
        .header("Stripe-Version", API_VERSION);
  }

  private JsonNode send(String path, HttpRequest request) {
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        if (attempt >= maxNetworkRetries) {
          throw new Unreachable(request.method() + " " + path + " failed after " + (attempt + 1) + " attempts: " + e,
              e);
        }
        pause(attempt);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Unreachable("interrupted during " + request.method() + " " + path, e);
      }
      if (response.statusCode() < 300) {
        return tree(response.body()).orElseThrow(() -> new IllegalStateException(
            "Stripe answered " + request.method() + " " + path + " with a body that is not JSON"));
      }
      if (attempt >= maxNetworkRetries || !retryable(response)) {
        throw new Failure(response.statusCode(), errorOf(response.body()));
      }
      pause(attempt);
    }
  }

  private static boolean retryable(HttpResponse<String> response) {
    Optional<String> shouldRetry = response.headers().firstValue("Stripe-Should-Retry");
    if (shouldRetry.isPresent()) {
      return shouldRetry.get().equals("true");
    }
    return response.statusCode() == 409 || response.statusCode() >= 500;
  }

  /** A non-JSON error page (a proxy's, say) still becomes a Failure with its status. */
  private static JsonNode errorOf(String body) {
    return tree(body).map(json -> json.path("error")).orElseGet(Json.MAPPER::createObjectNode);
  }

  private static Optional<JsonNode> tree(String body) {
    try {
      return Optional.of(Json.MAPPER.readTree(body));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** stripe-java's back-off: 0.5 s doubling per retry up to 5 s, less up to a quarter of jitter. */
  private static void pause(int attempt) {
    long nanos = Math.min(MAX_RETRY_DELAY.toNanos(), FIRST_RETRY_DELAY.toNanos() << attempt);
    try {
      Thread.sleep(Duration.ofNanos((long) (nanos * ThreadLocalRandom.current().nextDouble(0.75, 1.0))).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stripe's form encoding: nested keys are written {@code metadata[orderId]}, and both sides are URL-encoded. */
  static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
