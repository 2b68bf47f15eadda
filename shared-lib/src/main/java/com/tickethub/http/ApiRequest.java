package com.tickethub.http;

import com.tickethub.auth.Caller;
import com.tickethub.errors.NotFound;
import com.tickethub.errors.Unauthorized;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

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

  private static final Pattern PATH_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /**
   * An id from the path. Ids are made by the server (UUIDs), so a value no id can have, such as one longer
   * than a DynamoDB key may be, names no resource: 404 before any read.
   */
  public String pathParameter(String name) {
    String value = pathParameters.get(name);
    if (value == null || !PATH_ID.matcher(value).matches()) {
      throw new NotFound("No resource has that " + name);
    }
    return value;
  }

  /** A query string parameter, if the request has it. */
  public Optional<String> queryParameter(String name) {
    return Optional.ofNullable(queryParameters.get(name));
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
