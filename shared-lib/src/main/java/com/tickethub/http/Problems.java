package com.tickethub.http;

import com.tickethub.errors.DomainException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one mapping from errors to application/problem+json (RFC 9457). */
public final class Problems {
  public static final String CONTENT_TYPE = "application/problem+json";

  private Problems() {}

  public static ApiResponse of(DomainException e) {
    Map<String, Object> body = document(e.status(), e.code(), e.title(), e.detail());
    body.putAll(e.extensions());
    ApiResponse response = ApiResponse.text(e.status(), CONTENT_TYPE, Json.write(body));
    for (Map.Entry<String, String> header : e.headers().entrySet()) {
      response = response.withHeader(header.getKey(), header.getValue());
    }
    return response;
  }

  /** A bug or an outage: nothing about it is told to the client beyond that. */
  public static ApiResponse internal() {
    return ApiResponse.text(500, CONTENT_TYPE, Json.write(
        document(500, "internal_error", "Internal error", "Something went wrong on our side; it was logged")));
  }

  private static Map<String, Object> document(int status, String code, String title, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:tickethub:problem:" + code);
    body.put("title", title);
    body.put("status", status);
    body.put("code", code);
    body.put("detail", detail);
    return body;
  }
}
