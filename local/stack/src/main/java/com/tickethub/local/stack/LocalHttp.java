package com.tickethub.local.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A small HTTP server on a free loopback port for the stand-ins of a cloud API (Stripe, Secrets Manager). */
public final class LocalHttp implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(LocalHttp.class);

  /** One answer: status, content type and body. */
  record Answer(int status, String contentType, String body) {}

  /** What a stand-in does with a request: method, path, headers and body in, an answer out. */
  @FunctionalInterface
  interface Api {
    Answer handle(HttpExchange exchange, String body) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService workers;
  private final URI endpoint;

  private LocalHttp(HttpServer server, ExecutorService workers) {
    this.server = server;
    this.workers = workers;
    this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * The JDK's HTTP settings for a JVM that runs many functions and clients of the local stack at once (the local
   * server, a bench, a test run); the JDK reads each once, on first use, so this runs before the stack starts.
   * <ul>
   *   <li>Servers send with TCP_NODELAY. Without it a JDK server writes a response's headers and body as two
   *       segments, Nagle holds the body until the client acknowledges the headers, and the client delays that
   *       ACK: every answer waited 40-50 ms (a DynamoDB request through {@link DynamoStreamProxy} took 52 ms
   *       instead of 3).
   *   <li>{@code HttpURLConnection} (the SDK's client here) keeps up to 256 idle connections per server instead of
   *       5. With 32 purchases at once, every connection beyond the fifth was closed after its request and a new
   *       one opened for the next: 2,200 sockets in TIME_WAIT after a minute of load, and a TCP handshake and a
   *       new connection for dynalite and the proxy on most requests. A Lambda container runs one request at a
   *       time, so the deployed functions never need more than a few.
   * </ul>
   */
  public static void configureJvm() {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    if (System.getProperty("http.maxConnections") == null) {
      System.setProperty("http.maxConnections", "256");
    }
  }

  static LocalHttp start(String name, Api api) {
    try {
      HttpServer server = loopbackServer();
      ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
      });
      server.createContext("/", handler(name, api));
      server.setExecutor(workers);
      server.start();
      return new LocalHttp(server, workers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JDK HTTP server on a free loopback port that sends with TCP_NODELAY ({@link #configureJvm}). */
  static HttpServer loopbackServer() throws IOException {
    configureJvm();
    return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
  }

  private static HttpHandler handler(String name, Api api) {
    return exchange -> {
      try (exchange) {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Answer answer;
        try {
          answer = api.handle(exchange, body);
        } catch (RuntimeException e) {
          LOG.error("{}: {} {} failed", name, exchange.getRequestMethod(), exchange.getRequestURI(), e);
          answer = new Answer(500, "application/json", "{\"message\":\"" + e.getClass().getSimpleName() + "\"}");
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
          exchange.getResponseBody().write(bytes);
        }
      }
    };
  }

  URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
