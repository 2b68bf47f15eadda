package com.tickethub.http;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, headers and a text body (base64 text for binary content). */
public record ApiResponse(int status, Map<String, String> headers, String body, boolean base64Encoded) {

  public ApiResponse {
    headers = Map.copyOf(headers);
  }

  public static ApiResponse json(int status, Object value) {
    return text(status, "application/json", Json.write(value));
  }

  public static ApiResponse text(int status, String contentType, String body) {
    return new ApiResponse(status, Map.of("Content-Type", contentType), body, false);
  }

  public static ApiResponse binary(int status, String contentType, byte[] content) {
    return new ApiResponse(status, Map.of("Content-Type", contentType),
        Base64.getEncoder().encodeToString(content), true);
  }

  public ApiResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiResponse(status, more, body, base64Encoded);
  }
}
