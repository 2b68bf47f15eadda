package com.tickethub.local.server;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.local.invoke.LocalInvoke;
import com.tickethub.http.ApiResponse;
import com.tickethub.local.stack.LocalAws;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket API of the template as API Gateway runs it, at {@code ws://<host>:<port>/live}: each
 * connection gets an id, {@code $connect} runs before the upgrade (a non-2xx answer refuses it), every
 * message goes to the route its {@code action} names (else {@code $default}) in the event shape API Gateway
 * sends, and a close runs {@code $disconnect}. The functions answer through the {@code @connections}
 * management API, served here on the same port (POST, GET, DELETE {@code /@connections/{id}}; 410 for a
 * connection that is gone), which the SDK's ApiGatewayManagementApi client reaches by endpoint override.
 * API Gateway's limits apply: 128 KB messages, 10 minutes idle, 2 hours per connection.
 */
public final class LiveGateway implements AutoCloseable {
  /** The variable that names the WebSocket API's @connections endpoint: the local server itself. */
  static final String CONNECTIONS_ENDPOINT = "LIVE_CONNECTIONS_ENDPOINT";
  public static final String PATH = "/live";
  public static final int MAX_MESSAGE_BYTES = 128 * 1024;
  public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);
  public static final Duration MAX_CONNECTION = Duration.ofHours(2);
  private static final Logger LOG = LoggerFactory.getLogger(LiveGateway.class);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Function invocations at once for messages and disconnects, as Lambda's concurrency would allow. */
  private static final int INVOKERS = 32;

  private final WebSocketApi api;
  private final FunctionHost functions;
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();
  private final ExecutorService invokers = Executors.newFixedThreadPool(INVOKERS, daemon("live-invoke"));
  private final ScheduledExecutorService lifetimes = Executors.newSingleThreadScheduledExecutor(daemon("live-expiry"));

  /** One open connection: its socket and what GET @connections/{id} reports. */
  record Connection(String id, Session session, Instant connectedAt, String sourceIp, String userAgent,
      Instant[] lastActiveAt) {}

  LiveGateway(WebSocketApi api, FunctionHost functions) {
    this.api = api;
    this.functions = functions;
  }

  /**
   * {@code $connect} for an upgrade request; the new connection's id when the function admits it, else the
   * status API Gateway answers the handshake with.
   */
  Object connect(Map<String, List<String>> headers, Map<String, String> query, String sourceIp) {
    String id = connectionId();
    Instant now = Instant.now();
    APIGatewayV2WebSocketEvent event = event("$connect", "CONNECT", id, now, sourceIp, header(headers, "user-agent"));
    Map<String, String> single = new LinkedHashMap<>();
    headers.forEach((name, values) -> single.put(name, String.join(",", values)));
    event.setHeaders(single);
    event.setMultiValueHeaders(headers);
    event.setQueryStringParameters(query.isEmpty() ? null : query);
    if (api.routes().containsKey("$connect")) {
      int status = status(invoke("$connect", event));
      if (status < 200 || status > 299) {
        return status;
      }
    }
    return new Pending(id, now, sourceIp, header(headers, "user-agent"));
  }

  /** A connection admitted by {@code $connect}, waiting for its socket to open. */
  record Pending(String id, Instant connectedAt, String sourceIp, String userAgent) {}

  void opened(Pending pending, Session session) {
    Connection connection = new Connection(pending.id(), session, pending.connectedAt(), pending.sourceIp(),
        pending.userAgent(), new Instant[] {pending.connectedAt()});
    connections.put(pending.id(), connection);
    lifetimes.schedule(() -> session.close(StatusCode.SHUTDOWN, "Going away", Callback.NOOP),
        MAX_CONNECTION.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A text message of a connection, handed to its route's function (not in order, as API Gateway does not promise it). */
  void message(String connectionId, String text) {
    Connection connection = connections.get(connectionId);
    if (connection == null) {
      return;
    }
    connection.lastActiveAt()[0] = Instant.now();
    JsonNode body;
    try {
      body = LocalInvoke.EVENTS.readTree(text);
    } catch (Exception notJson) {
      body = null;
    }
    Optional<String> route = api.routeOf(body);
    if (route.isEmpty()) {
      send(connection, "{\"message\": \"Forbidden\", \"connectionId\":\"" + connectionId + "\"}");
      return;
    }
    APIGatewayV2WebSocketEvent event = event(route.get(), "MESSAGE", connectionId, connection.connectedAt(),
        connection.sourceIp(), null);
    event.getRequestContext().setMessageId(connectionId());
    event.setBody(text);
    event.setIsBase64Encoded(false);
    invokers.execute(() -> invoke(route.get(), event));
  }

  void closed(String connectionId, int status, String reason) {
    Connection connection = connections.remove(connectionId);
    if (connection == null || !api.routes().containsKey("$disconnect")) {
      return;
    }
    APIGatewayV2WebSocketEvent event = event("$disconnect", "DISCONNECT", connectionId, connection.connectedAt(),
        connection.sourceIp(), connection.userAgent());
    event.getRequestContext().setStatus(String.valueOf(status));
    event.getRequestContext().setError(reason);
    invokers.execute(() -> invoke("$disconnect", event));
  }

  /** The {@code @connections} management API: POST sends, GET describes, DELETE closes. */
  ApiResponse manage(LocalRequest request) {
    String raw = request.rawPath().replaceFirst("^/(@|%40)connections/", "");
    Connection connection = connections.get(URLDecoder.decode(raw, StandardCharsets.UTF_8));
    if (connection == null || !connection.session().isOpen()) {
      return error(410, "GoneException", null);
    }
    return switch (request.method()) {
      case "POST" -> {
        if (request.body().length > MAX_MESSAGE_BYTES) {
          yield error(413, "PayloadTooLargeException", "Message too long");
        }
        yield send(connection, request.bodyText()) ? new ApiResponse(200, Map.of(), null, false)
            : error(410, "GoneException", null);
      }
      case "GET" -> ApiResponse.json(200, Map.of("ConnectedAt", connection.connectedAt().toString(),
          "LastActiveAt", connection.lastActiveAt()[0].toString(),
          "Identity", Map.of("SourceIp", connection.sourceIp(), "UserAgent", String.valueOf(connection.userAgent()))));
      case "DELETE" -> {
        connection.session().close(StatusCode.NORMAL, "", Callback.NOOP);
        yield new ApiResponse(204, Map.of(), null, false);
      }
      default -> error(404, "NotFoundException", "No method " + request.method());
    };
  }

  static boolean isManagementPath(String rawPath) {
    return rawPath.startsWith("/@connections/") || rawPath.startsWith("/%40connections/");
  }

  private boolean send(Connection connection, String text) {
    Callback.Completable sent = new Callback.Completable();
    connection.session().sendText(text, sent);
    try {
      sent.get(5, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("sending to {} failed", connection.id(), e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Object invoke(String routeKey, APIGatewayV2WebSocketEvent event) {
    try {
      return functions.invoke(api.routes().get(routeKey), event);
    } catch (Exception e) {
      LOG.error("{} failed on the live route {}", api.routes().get(routeKey), routeKey, e);
      return null;
    }
  }

  private static int status(Object result) {
    if (result == null) {
      return 500;
    }
    if (result instanceof APIGatewayV2WebSocketResponse response) {
      return response.getStatusCode();
    }
    return LocalInvoke.EVENTS.valueToTree(result).path("statusCode").asInt(200);
  }

  private APIGatewayV2WebSocketEvent event(String routeKey, String type, String connectionId, Instant connectedAt,
      String sourceIp, String userAgent) {
    Instant now = Instant.now();
    APIGatewayV2WebSocketEvent.RequestIdentity identity = new APIGatewayV2WebSocketEvent.RequestIdentity();
    identity.setSourceIp(sourceIp);
    identity.setUserAgent(userAgent);
    APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
    context.setRouteKey(routeKey);
    context.setEventType(type);
    context.setConnectionId(connectionId);
    context.setConnectedAt(connectedAt.toEpochMilli());
    context.setMessageDirection("IN");
    context.setStage(api.stage());
    context.setApiId("local");
    context.setAccountId(LocalAws.ACCOUNT);
    context.setDomainName("localhost");
    context.setRequestId(connectionId());
    context.setExtendedRequestId(context.getRequestId());
    context.setRequestTime(TIME.format(now));
    context.setRequestTimeEpoch(now.toEpochMilli());
    context.setIdentity(identity);
    APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
    event.setRequestContext(context);
    event.setIsBase64Encoded(false);
    return event;
  }

  /** What API Gateway answers on the management API for an error (the SDK reads the type from the header). */
  private static ApiResponse error(int status, String type, String message) {
    return new ApiResponse(status, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", type),
        "{\"message\":" + (message == null ? "null" : "\"" + message + "\"") + "}", false);
  }

  /** Connection ids look like API Gateway's: 16 base64 characters ending in "=". */
  private static String connectionId() {
    byte[] bytes = new byte[11];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes).substring(0, 15).replace('/', '_').replace('+', '-') + "=";
  }

  private static String header(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  int openConnections() {
    return connections.size();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    connections.values().forEach(c -> c.session().close(StatusCode.SHUTDOWN, "Going away", Callback.NOOP));
    invokers.shutdown();
    lifetimes.shutdownNow();
  }
}
