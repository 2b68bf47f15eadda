package com.tickethub.local.server;

import com.tickethub.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request as the local server received it: method, raw path and query, header names in lower case,
 * the body's bytes and the client's address.
 */
public record LocalRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
    byte[] body, String sourceIp) {

  public Optional<String> header(String lowerCaseName) {
    List<String> values = headers.get(lowerCaseName);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(String.join(",", values));
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body read strictly (400 naming the field when it does not fit {@code type}). */
  public <T> T json(Class<T> type) {
    return Json.read(bodyText(), type);
  }
}
