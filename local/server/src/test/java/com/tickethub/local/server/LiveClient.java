package com.tickethub.local.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A viewer on the local server's {@code ws://.../live}: the JDK's WebSocket client, every message kept in order. */
final class LiveClient implements AutoCloseable {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final WebSocket socket;
  private final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();

  /** A message and when it arrived (System.nanoTime). */
  record Received(JsonNode message, long nanos) {}

  private LiveClient(URI uri) {
    this.socket = CLIENT.newWebSocketBuilder().buildAsync(uri, new Listener()).join();
  }

  static LiveClient connect(URI httpBase) {
    return new LiveClient(URI.create(httpBase.toString().replaceFirst("^http", "ws") + "/live"));
  }

  void send(String text) {
    socket.sendText(text, true).join();
  }

  /** Subscribes and returns the snapshot (failing on anything else). */
  JsonNode subscribe(String eventId) {
    send("{\"action\": \"subscribe\", \"eventId\": \"" + eventId + "\"}");
    JsonNode snapshot = next(Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("no snapshot"));
    if (!"snapshot".equals(snapshot.path("type").asText())) {
      throw new AssertionError("expected a snapshot, got " + snapshot);
    }
    return snapshot;
  }

  Optional<JsonNode> next(Duration patience) {
    return nextReceived(patience).map(Received::message);
  }

  Optional<Received> nextReceived(Duration patience) {
    try {
      return Optional.ofNullable(inbox.poll(patience.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Messages until one matches (it included), or the patience runs out. */
  List<Received> until(Predicate<JsonNode> last, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    List<Received> seen = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      Optional<Received> received = nextReceived(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (received.isEmpty()) {
        break;
      }
      seen.add(received.get());
      if (last.test(received.get().message())) {
        return seen;
      }
    }
    throw new AssertionError("no matching message within " + patience + "; got " + seen);
  }

  boolean isOpen() {
    return !closed.isDone() && !socket.isInputClosed();
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          inbox.add(new Received(TestHttp.JSON.readTree(partial.toString()), System.nanoTime()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.completeExceptionally(error);
    }
  }
}
