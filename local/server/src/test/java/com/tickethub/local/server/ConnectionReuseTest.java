package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.tickethub.local.stack.LocalHttp;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The local server's functions share one JVM and reach dynalite, the proxy and ElasticMQ through the JDK's
 * HttpURLConnection (the SDK's client), whose pool keeps 5 idle connections per server unless told otherwise.
 */
class ConnectionReuseTest {
  private static final int CLIENTS = 32;
  private static final int REQUESTS_EACH = 10;

  @Test
  void concurrentClientsKeepTheirConnectionsBetweenRequests() throws Exception {
    LocalHttp.configureJvm(); // as the local stack does before its first client
    Set<Integer> connections = ConcurrentHashMap.newKeySet();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService serverThreads = Executors.newCachedThreadPool();
    server.createContext("/", exchange -> {
      connections.add(exchange.getRemoteAddress().getPort());
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(200, 2);
      exchange.getResponseBody().write("ok".getBytes());
      exchange.close();
    });
    server.setExecutor(serverThreads);
    server.start();
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        running.add(clients.submit(() -> {
          for (int r = 0; r < REQUESTS_EACH; r++) {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            try (InputStream in = connection.getInputStream()) {
              in.readAllBytes();
            }
            Thread.sleep(5); // a function's work between two requests: most connections are idle at any moment
          }
          return null;
        }));
      }
      for (Future<?> client : running) {
        client.get();
      }
    } finally {
      clients.shutdown();
      server.stop(0);
      serverThreads.shutdown();
    }

    assertTrue(connections.size() <= CLIENTS, CLIENTS * REQUESTS_EACH + " requests of " + CLIENTS + " clients opened "
        + connections.size() + " connections");
  }
}
