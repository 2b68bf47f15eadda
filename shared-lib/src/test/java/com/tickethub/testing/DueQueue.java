package com.tickethub.testing;

import com.tickethub.http.Json;
import com.tickethub.orders.ExpiryMessage;
import com.tickethub.orders.HoldExpiryQueue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The hold-expiry queue on a test's clock: SQS's delays run on real time, so service tests that move a clock keep
 * the messages here and deliver them when that clock says they are due. (The SQS queue itself, its delays and
 * its consumer are exercised end to end through the local server.)
 */
public final class DueQueue implements HoldExpiryQueue {
  private record Pending(ExpiryMessage message, Instant dueAt) {}

  private final List<Pending> pending = new ArrayList<>();
  private final List<ExpiryMessage> sent = new ArrayList<>();

  @Override
  public synchronized void schedule(ExpiryMessage message, Instant dueAt, Instant now) {
    pending.add(new Pending(message, dueAt));
    sent.add(message);
  }

  /** Every message sent so far, delivered or not, in the order they were sent. */
  public synchronized List<ExpiryMessage> messages() {
    return List.copyOf(sent);
  }

  /**
   * Hands each message due at {@code now} to {@code consumer} as its body, once (a message the consumer puts back
   * is queued again); returns how many it delivered.
   */
  public int deliverDue(Instant now, Consumer<String> consumer) {
    List<Pending> due;
    synchronized (this) {
      due = pending.stream().filter(p -> !p.dueAt().isAfter(now)).toList();
      pending.removeAll(due);
    }
    due.forEach(p -> consumer.accept(Json.write(p.message())));
    return due.size();
  }
}
