package com.tickethub.local.server;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.tickethub.local.invoke.LocalInvoke;
import com.tickethub.errors.DomainException;
import com.tickethub.errors.ServiceUnavailable;
import com.tickethub.http.ApiResponse;
import com.tickethub.http.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP handler of the local server, in API Gateway's order: CORS preflight, local-only routes, the web
 * app's files (CloudFront's part in AWS), then the template's routes; the JWT authorizer before the function (401
 * without calling it); the function's response written back as API Gateway would. What API Gateway answers
 * itself has its body exactly.
 */
final class HttpFrontend extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(HttpFrontend.class);
  /** API Gateway's own payload limit; the functions enforce the contract's smaller one. */
  static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

  private final LocalRoutes localRoutes;
  private final RouteTable routes;
  private final JwtAuthorizer authorizer;
  private final FunctionHost functions;
  private final Cors cors;
  private final WebApp webApp;
  private final int port;
  private final LiveGateway live;
  private final BooleanSupplier dynamoAvailable;

  /** @param live the WebSocket API, whose {@code @connections} endpoint is served here; null when there is none */
  HttpFrontend(LocalRoutes localRoutes, RouteTable routes, JwtAuthorizer authorizer, FunctionHost functions, Cors cors,
      WebApp webApp, int port, LiveGateway live, BooleanSupplier dynamoAvailable) {
    this.live = live;
    this.dynamoAvailable = dynamoAvailable;
    this.localRoutes = localRoutes;
    this.webApp = webApp;
    this.cors = cors;
    this.routes = routes;
    this.authorizer = authorizer;
    this.functions = functions;
    this.port = port;
  }

  /** Blocking, as the functions it calls are: Jetty runs it on a pool thread. */
  @Override
  public boolean handle(Request exchange, Response response, Callback callback) {
    try {
      Optional<LocalRequest> request = read(exchange);
      if (request.isEmpty()) {
        write(exchange, response, callback, gatewayMessage(413, "Request Entity Too Large"), Map.of());
        return true;
      }
      if (Cors.isPreflight(request.get())) {
        write(exchange, response, callback, new Wire(204, Map.of(), List.of(), new byte[0]),
            cors.preflight(request.get()));
        return true;
      }
      write(exchange, response, callback, respond(request.get()), cors.response(request.get()));
    } catch (IOException | RuntimeException e) {
      LOG.error("{} {} failed in the local server", exchange.getMethod(), exchange.getHttpURI(), e);
      callback.failed(e);
    }
    return true;
  }

  private Wire respond(LocalRequest request) {
    if (live != null && LiveGateway.isManagementPath(request.rawPath())) {
      return Wire.ofLocal(live.manage(request));
    }
    Optional<LocalRoutes.Route> local = localRoutes.find(request.method(), request.rawPath());
    if (local.isPresent()) {
      return local(local.get(), request);
    }
    Optional<ApiResponse> file = webApp.serve(request);
    if (file.isPresent()) {
      return Wire.ofLocal(file.get());
    }
    Optional<RouteTable.Match> match = routes.find(request.method(), request.rawPath());
    if (match.isEmpty()) {
      return gatewayMessage(404, "Not Found");
    }
    ApiRoute route = match.get().route();
    JwtAuthorizer.Verified jwt = null;
    if (route.authorized()) {
      Optional<JwtAuthorizer.Verified> verified = authorizer.verify(request.header("authorization").orElse(null));
      if (verified.isEmpty()) {
        return gatewayMessage(401, "Unauthorized");
      }
      jwt = verified.get();
      if (!route.scopes().isEmpty() && (jwt.scopes() == null || route.scopes().stream().noneMatch(jwt.scopes()::contains))) {
        return gatewayMessage(403, "Forbidden");
      }
    }
    if (!dynamoAvailable.getAsBoolean()) {
      // The DynamoDB emulator is being started again: a clear, retryable answer instead of the function's 500.
      return Wire.ofLocal(Problems.of(new ServiceUnavailable("The local DynamoDB emulator is restarting", 1)));
    }
    try {
      Object result = functions.invoke(route.functionId(), ApiGatewayEvents.build(request, match.get(), jwt, port));
      return Wire.ofFunction(result);
    } catch (Exception e) {
      LOG.error("{} failed on {}", route.functionId(), route.routeKey(), e);
      return gatewayMessage(500, "Internal Server Error");
    }
  }

  private static Wire local(LocalRoutes.Route route, LocalRequest request) {
    try {
      return Wire.ofLocal(route.handle(request));
    } catch (DomainException e) {
      return Wire.ofLocal(Problems.of(e));
    } catch (Exception e) {
      LOG.error("local route {} {} failed", request.method(), request.rawPath(), e);
      return Wire.ofLocal(Problems.internal());
    }
  }

  /**
   * What API Gateway itself answers, before or instead of a function: its JWT authorizer's 401 and 403, 404
   * when no route matches, 413, and 500 when the function fails. Not customisable for a JWT authorizer.
   */
  private static Wire gatewayMessage(int status, String message) {
    return new Wire(status, Map.of("content-type", "application/json"), List.of(),
        ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<LocalRequest> read(Request exchange) throws IOException {
    byte[] body;
    try (InputStream in = Content.Source.asInputStream(exchange)) {
      body = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
    }
    if (body.length > MAX_PAYLOAD_BYTES) {
      return Optional.empty();
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getHeaders().forEach(field -> headers.computeIfAbsent(field.getLowerCaseName(), n -> new ArrayList<>())
        .add(field.getValue()));
    return Optional.of(new LocalRequest(exchange.getMethod().toUpperCase(Locale.ROOT),
        exchange.getHttpURI().getPath(), exchange.getHttpURI().getQuery(), headers, body,
        Request.getRemoteAddr(exchange)));
  }

  private static void write(Request exchange, Response response, Callback callback, Wire wire,
      Map<String, String> corsHeaders) {
    response.setStatus(wire.status());
    HttpFields.Mutable headers = response.getHeaders();
    wire.headers().forEach(headers::add);
    corsHeaders.forEach(headers::put);
    wire.cookies().forEach(cookie -> headers.add("Set-Cookie", cookie));
    boolean noBody = wire.body().length == 0 || exchange.getMethod().equalsIgnoreCase("HEAD");
    if (noBody) {
      callback.succeeded();
    } else {
      response.write(true, ByteBuffer.wrap(wire.body()), callback);
    }
  }

  /** A response as it goes on the wire. */
  private record Wire(int status, Map<String, String> headers, List<String> cookies, byte[] body) {
    static Wire ofLocal(ApiResponse response) {
      return new Wire(response.status(), response.headers(), List.of(), decode(response.body(), response.base64Encoded()));
    }

    /**
     * A function's result: an APIGatewayV2HTTPResponse as it is; anything else is, as API Gateway
     * infers for payload 2.0, a 200 with the result as JSON.
     */
    static Wire ofFunction(Object result) {
      if (result instanceof APIGatewayV2HTTPResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (response.getMultiValueHeaders() != null) {
          response.getMultiValueHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        }
        if (response.getHeaders() != null) {
          headers.putAll(response.getHeaders());
        }
        return new Wire(response.getStatusCode(), headers,
            response.getCookies() == null ? List.of() : response.getCookies(),
            decode(response.getBody(), response.getIsBase64Encoded()));
      }
      try {
        return new Wire(200, Map.of("content-type", "application/json"), List.of(),
            LocalInvoke.EVENTS.writeValueAsBytes(result));
      } catch (IOException e) {
        throw new IllegalStateException("The function's result cannot be written as JSON", e);
      }
    }

    private static byte[] decode(String body, boolean base64) {
      if (body == null) {
        return new byte[0];
      }
      return base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }
  }
}
