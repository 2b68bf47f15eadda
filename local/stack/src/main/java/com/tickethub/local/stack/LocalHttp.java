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
final class LocalHttp implements AutoCloseable {
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

  /**
   * A JDK HTTP server on a free loopback port that sends with TCP_NODELAY. Without it the server writes a
   * response's headers and body as two segments, Nagle holds the body until the client acknowledges the
   * headers, and the client delays that ACK: every answer waited 40-50 ms (a DynamoDB request through
   * {@link DynamoStreamProxy} took 52 ms instead of 3). The JDK reads the switch once, when its first server
   * is made, so every local server is made here.
   */
  static HttpServer loopbackServer() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
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
