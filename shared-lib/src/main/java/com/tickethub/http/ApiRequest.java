package com.tickethub.http;

import com.tickethub.auth.Caller;
import com.tickethub.errors.InvalidRequest;
import com.tickethub.errors.Unauthorized;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP API request as the handlers see it: header names in lower case, the body decoded to text,
 * the verified claims of the JWT authorizer, and the time the function has left.
 */
public record ApiRequest(
    String routeKey,
    Map<String, String> pathParameters,
    Map<String, String> headers,
    Map<String, String> queryParameters,
    String body,
    Optional<Caller> optionalCaller,
    long remainingMillis) {

  public String pathParameter(String name) {
    String value = pathParameters.get(name);
    if (value == null || value.isBlank()) {
      throw new InvalidRequest(name, "is required in the path");
    }
    return value;
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
  }

  /** The signed-in caller; 401 when the route was reached without a verified token. */
  public Caller caller() {
    return optionalCaller.orElseThrow(() -> new Unauthorized("A valid bearer token is required"));
  }

  public <T> T body(Class<T> type) {
    return Json.read(body, type);
  }
}
