package com.tickethub.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.tickethub.auth.Caller;
import com.tickethub.errors.DomainException;
import com.tickethub.errors.InvalidRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plumbing around every HTTP route: API Gateway v2 event in, problem+json for every error,
 * a 64 KiB body limit, and one JSON log line per request (never tokens, bodies or personal data).
 */
@Singleton
public final class HttpEndpoint {
  public static final int MAX_BODY_BYTES = 64 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);
  private static final long DEFAULT_REMAINING_MILLIS = 30_000;

  @Inject
  public HttpEndpoint() {}

  public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context, Route route) {
    long started = System.nanoTime();
    ApiResponse response;
    try {
      response = route.handle(request(event, context));
    } catch (DomainException e) {
      response = Problems.of(e);
    } catch (RuntimeException e) {
      LOG.error("Unhandled error in {}", event.getRouteKey(), e);
      response = Problems.internal();
    }
    log(event, context, response, started);
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(response.status())
        .withHeaders(response.headers())
        .withBody(response.body())
        .withIsBase64Encoded(response.base64Encoded())
        .build();
  }

  private static ApiRequest request(APIGatewayV2HTTPEvent event, Context context) {
    Map<String, String> headers = new HashMap<>();
    if (event.getHeaders() != null) {
      event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
    }
    return new ApiRequest(
        event.getRouteKey(),
        event.getPathParameters() == null ? Map.of() : event.getPathParameters(),
        headers,
        event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters(),
        body(event),
        caller(event),
        context == null ? DEFAULT_REMAINING_MILLIS : context.getRemainingTimeInMillis());
  }

  private static String body(APIGatewayV2HTTPEvent event) {
    String body = event.getBody();
    if (body == null) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = event.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest("body", "is not valid base64");
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw new InvalidRequest("body", "is larger than " + MAX_BODY_BYTES + " bytes");
    }
    return event.getIsBase64Encoded() ? new String(bytes, StandardCharsets.UTF_8) : body;
  }

  private static Optional<Caller> caller(APIGatewayV2HTTPEvent event) {
    var context = event.getRequestContext();
    if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
      return Optional.empty();
    }
    return Caller.fromClaims(context.getAuthorizer().getJwt().getClaims());
  }

  private static void log(APIGatewayV2HTTPEvent event, Context context, ApiResponse response, long started) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("type", "request");
    line.put("requestId", event.getRequestContext() == null ? null : event.getRequestContext().getRequestId());
    line.put("awsRequestId", context == null ? null : context.getAwsRequestId());
    line.put("route", event.getRouteKey());
    line.put("status", response.status());
    line.put("latencyMs", (System.nanoTime() - started) / 1_000_000.0);
    LOG.info(Json.write(line));
  }
}
