package com.tickethub.local.server;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.tickethub.local.stack.LocalAws;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the event API Gateway's HTTP API sends a function (payload format 2.0) from a local request. */
public final class ApiGatewayEvents {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiGatewayEvents() {}

  public static APIGatewayV2HTTPEvent build(LocalRequest request, RouteTable.Match match, JwtAuthorizer.Verified jwt,
      int port) {
    Map<String, String> headers = new LinkedHashMap<>();
    request.headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
    String cookieHeader = headers.remove("cookie");
    headers.put("x-forwarded-for", request.sourceIp());
    headers.put("x-forwarded-port", String.valueOf(port));
    headers.put("x-forwarded-proto", "http");

    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setVersion("2.0");
    event.setRouteKey(match.route().routeKey());
    event.setRawPath(request.rawPath());
    event.setRawQueryString(request.rawQuery() == null ? "" : request.rawQuery());
    event.setHeaders(headers);
    if (cookieHeader != null) {
      event.setCookies(List.of(cookieHeader.split(";\\s*")));
    }
    Map<String, String> query = queryParameters(request.rawQuery());
    event.setQueryStringParameters(query.isEmpty() ? null : query);
    event.setPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters());
    if (request.body().length > 0) {
      boolean text = isText(headers.get("content-type"));
      event.setBody(text ? request.bodyText() : Base64.getEncoder().encodeToString(request.body()));
      event.setIsBase64Encoded(!text);
    }
    event.setRequestContext(context(request, match, jwt, headers.getOrDefault("host", "localhost")));
    return event;
  }

  private static RequestContext context(LocalRequest request, RouteTable.Match match, JwtAuthorizer.Verified jwt,
      String host) {
    Instant now = Instant.now();
    RequestContext.Http http = new RequestContext.Http();
    http.setMethod(request.method());
    http.setPath(request.rawPath());
    http.setProtocol("HTTP/1.1");
    http.setSourceIp(request.sourceIp());
    http.setUserAgent(request.header("user-agent").orElse(""));

    RequestContext context = new RequestContext();
    context.setAccountId(LocalAws.ACCOUNT);
    context.setApiId("local");
    context.setDomainName(host);
    context.setDomainPrefix(host.split("[.:]")[0]);
    context.setHttp(http);
    context.setRequestId(requestId());
    context.setRouteKey(match.route().routeKey());
    context.setStage("$default");
    context.setTime(TIME.format(now));
    context.setTimeEpoch(now.toEpochMilli());
    if (jwt != null) {
      RequestContext.Authorizer.JWT token = new RequestContext.Authorizer.JWT();
      token.setClaims(jwt.claims());
      token.setScopes(jwt.scopes());
      RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
      authorizer.setJwt(token);
      context.setAuthorizer(authorizer);
    }
    return context;
  }

  /** Decoded query parameters; a repeated name gets its values joined by commas, as API Gateway does. */
  static Map<String, String> queryParameters(String rawQuery) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        values.computeIfAbsent(name, n -> new ArrayList<>()).add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    Map<String, String> joined = new LinkedHashMap<>();
    values.forEach((name, list) -> joined.put(name, String.join(",", list)));
    return joined;
  }

  /** API Gateway passes text bodies as they are and base64-encodes everything else. */
  static boolean isText(String contentType) {
    if (contentType == null) {
      return true;
    }
    String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
        || type.equals("application/xml") || type.endsWith("+xml") || type.equals("application/javascript");
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** Request ids look like API Gateway's: 16 base64 characters ending in "=". */
  private static String requestId() {
    byte[] bytes = new byte[11];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes).substring(0, 15) + "=";
  }
}
