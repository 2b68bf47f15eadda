package com.tickethub.live;

import com.tickethub.http.Json;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broadcaster: for each event a batch of stream records touched, reads the event's stock fresh and
 * sends one {@code changes} message to every connection that watches it. Messages of an event never go
 * out closer than 250 ms, their versions only rise (a conditional claim per message), and a connection
 * found gone is forgotten.
 */
@Singleton
public class BroadcastService {
  private static final Logger LOG = LoggerFactory.getLogger(BroadcastService.class);
  /** PostToConnection calls in flight at once: each is a short HTTPS call, so a thousand viewers take ~1/16 the time. */
  private static final int POSTERS = 16;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final StockRepository stock;
  private final SubscriptionRepository subscriptions;
  private final Connections connections;
  private final SeatStock seats;
  private final Clock clock;
  private final ExecutorService posters = Executors.newFixedThreadPool(POSTERS, runnable -> {
    Thread thread = new Thread(runnable, "live-post");
    thread.setDaemon(true);
    return thread;
  });

  /** What one batch came to; {@code failedSequences} are where Lambda must retry from. */
  public record Outcome(List<String> failedSequences, int events, int messages, int gone) {}

  @Inject
  public BroadcastService(StockRepository stock, SubscriptionRepository subscriptions, Connections connections,
      SeatStock seats, Clock clock) {
    this.stock = stock;
    this.subscriptions = subscriptions;
    this.connections = connections;
    this.seats = seats;
    this.clock = clock;
  }

  public Outcome broadcast(List<StockChange> changes) {
    long started = System.nanoTime();
    long ownCpu = THREADS.getCurrentThreadCpuTime();
    AtomicLong postCpu = new AtomicLong();
    List<String> failed = new ArrayList<>();
    int messages = 0;
    int gone = 0;
    List<Coalescing.EventBatch> batches = Coalescing.byEvent(changes);
    for (Coalescing.EventBatch batch : batches) {
      try {
        int[] sent = broadcast(batch, postCpu);
        messages += sent[0];
        gone += sent[1];
      } catch (RuntimeException e) {
        // Nothing was claimed or everything was: a retry from here sends what is still new, once.
        LOG.error("Broadcast of event {} failed; Lambda retries from {}", batch.eventId(), batch.firstSequence(), e);
        failed.add(batch.firstSequence());
      }
    }
    long cpuNanos = THREADS.getCurrentThreadCpuTime() - ownCpu + postCpu.get();
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("type", "broadcast");
    line.put("records", changes.size());
    line.put("events", batches.size());
    line.put("messages", messages);
    line.put("gone", gone);
    line.put("failed", failed.size());
    line.put("cpuMs", cpuNanos / 1_000_000.0); // this thread's and the posters' CPU time
    line.put("wallMs", (System.nanoTime() - started) / 1_000_000.0);
    if (!changes.isEmpty()) {
      LOG.info(Json.write(line));
    }
    return new Outcome(List.copyOf(failed), batches.size(), messages, gone);
  }

  /** Sends the event's message; {messages sent, connections gone}. The posters' CPU time adds to {@code postCpu}. */
  private int[] broadcast(Coalescing.EventBatch batch, AtomicLong postCpu) {
    SubscriptionRepository.Audience audience = subscriptions.audience(batch.eventId());
    if (audience.subscribers().isEmpty()) {
      return new int[] {0, 0};
    }
    pause(Coalescing.delay(audience.last() == null ? null : audience.last().sentAt(), clock.instant()));
    Stock now = stock.read(batch.eventId());
    // Viewers hold the last message's state, or before the first message their snapshots'.
    long fromVersion = audience.last() != null ? audience.last().version()
        : audience.subscribers().stream().mapToLong(SubscriptionRepository.Subscriber::version).min().orElse(0);
    if (audience.last() != null && now.version() <= audience.last().version()) {
      return new int[] {0, 0}; // an earlier message already carried this state
    }
    if (!subscriptions.claimBroadcast(batch.eventId(), audience.last(), now.version(), clock.instant())) {
      return new int[] {0, 0}; // another broadcaster sent this version or a later one
    }
    String message = Json.write(LiveMessages.changes(now, fromVersion, batch, seats));
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger gone = new AtomicInteger();
    List<Future<?>> posts = new ArrayList<>();
    for (SubscriptionRepository.Subscriber subscriber : audience.subscribers()) {
      if (subscriber.version() >= now.version()) {
        continue; // its snapshot is as new as this
      }
      posts.add(posters.submit(() -> {
        long before = THREADS.getCurrentThreadCpuTime();
        try {
          if (connections.post(subscriber.connectionId(), message)) {
            sent.incrementAndGet();
          } else {
            gone.incrementAndGet();
            subscriptions.forget(subscriber.connectionId());
          }
        } catch (RuntimeException e) {
          LOG.warn("Posting to connection {} failed", subscriber.connectionId(), e);
        } finally {
          postCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - before);
        }
      }));
    }
    for (Future<?> post : posts) {
      try {
        post.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while posting", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
    return new int[] {sent.get(), gone.get()};
  }

  private static void pause(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while pacing messages", e);
    }
  }
}
