package com.tickethub.local.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A real HTTP client on a local server, with the requests and fixtures the end-to-end tests share. */
final class TestHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final URI base;

  TestHttp(URI base) {
    this.base = base;
  }

  /** A response with its body, parsed when it is JSON. */
  record Response(int status, Map<String, List<String>> headers, String body) {
    String contentType() {
      return header("content-type");
    }

    String header(String name) {
      return headers.getOrDefault(name, List.of("")).get(0);
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Sends a request; its response must be one that openapi.yaml describes ({@link OpenApiContract}). */
  Response send(String method, String path, String token, String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    Map<String, String> sent = new LinkedHashMap<>();
    if (body != null) {
      sent.put("Content-Type", "application/json");
    }
    if (token != null) {
      sent.put("Authorization", "Bearer " + token);
    }
    sent.putAll(headers);
    sent.forEach(request::header);
    try {
      HttpResponse<String> received = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Response response = new Response(received.statusCode(), received.headers().map(), received.body());
      OpenApiContract.check(method, path, sent, body, response);
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response whose body is kept as bytes (a gzip body, for one). */
  record Raw(int status, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      return headers.getOrDefault(name, List.of("")).get(0);
    }
  }

  Raw raw(String method, String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    try {
      HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Raw(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Response get(String path, String token) {
    return send("GET", path, token, null, Map.of());
  }

  Response post(String path, String token, String body) {
    return send("POST", path, token, body, Map.of());
  }

  /** A token from the server's {@code POST /_local/token}. */
  String token(String sub, List<String> groups) {
    String body = JSON.createObjectNode().put("sub", sub).set("groups", JSON.valueToTree(groups)).toString();
    return post("/_local/token", null, body).json().path("token").asText();
  }

  static String resource(String name) {
    try (InputStream in = TestHttp.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("No test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
