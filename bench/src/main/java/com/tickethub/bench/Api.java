package com.tickethub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** The local server's HTTP API as the benchmarks call it: tokens, JSON requests, the request counter. */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final Duration timeout;

  Api(URI base) {
    this(base, Duration.ofSeconds(30));
  }

  /** With a request timeout other than 30 s (an on-sale on an overloaded machine needs minutes). */
  Api(URI base, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
  }

  String token(String sub, String groupsJson) throws Exception {
    return send(post("/_local/token", null, null, "{\"sub\":\"" + sub + "\",\"groups\":" + groupsJson + "}"), 200)
        .get("token").asText();
  }

  JsonNode send(HttpRequest request, int expected) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isEmpty() ? null : JSON.readTree(response.body());
  }

  HttpResponse<String> exchange(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The answer's bytes as they came (a gzipped body stays gzipped). */
  HttpResponse<byte[]> bytes(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpRequest get(String path, String token) {
    return get(path, token, Map.of());
  }

  HttpRequest get(String path, String token, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    return request.build();
  }

  HttpRequest post(String path, String token, String idempotencyKey, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return request.build();
  }

  HttpRequest put(String path, String token, String body) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
        .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  /**
   * The DynamoDB requests the server sent so far, by function and operation ({@code GET /_local/dynamodb/requests});
   * empty when the server has no counter (a build from before it existed).
   */
  Map<String, Map<String, Long>> dynamoRequests() throws Exception {
    HttpResponse<String> response = exchange(get("/_local/dynamodb/requests", null));
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    if (response.statusCode() != 200) {
      return counts;
    }
    JSON.readTree(response.body()).fields().forEachRemaining(scope -> {
      Map<String, Long> operations = new TreeMap<>();
      scope.getValue().fields().forEachRemaining(op -> operations.put(op.getKey(), op.getValue().asLong()));
      counts.put(scope.getKey(), operations);
    });
    return counts;
  }

  /** {@code after - before}, per function and operation. */
  static Map<String, Map<String, Long>> minus(Map<String, Map<String, Long>> after,
      Map<String, Map<String, Long>> before) {
    Map<String, Map<String, Long>> delta = new TreeMap<>();
    after.forEach((scope, ops) -> ops.forEach((op, n) -> {
      long d = n - before.getOrDefault(scope, Map.of()).getOrDefault(op, 0L);
      if (d != 0) {
        delta.computeIfAbsent(scope, s -> new TreeMap<>()).put(op, d);
      }
    }));
    return delta;
  }

  static long total(Map<String, Long> operations) {
    return operations == null ? 0 : operations.values().stream().mapToLong(Long::longValue).sum();
  }

  /** A new event of the organizer; {@code types} are the ticketTypes' JSON objects. */
  JsonNode createEvent(String organizerToken, String name, Object types) throws Exception {
    return send(post("/events", organizerToken, null, JSON.writeValueAsString(Map.of(
        "name", name, "venue", "Bench Hall", "startsAt", "2030-01-01T19:00:00Z", "ticketTypes", types))), 201);
  }
}
