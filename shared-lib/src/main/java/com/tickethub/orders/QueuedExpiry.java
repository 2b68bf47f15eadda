package com.tickethub.orders;

import com.tickethub.http.Json;
import java.time.Clock;
import javax.inject.Inject;
import javax.inject.Singleton;

/** One message of the hold-expiry queue: the order is expired if due, else put back for the time left. */
@Singleton
public class QueuedExpiry {
  private final ExpiryService expiry;
  private final HoldExpiryQueue queue;
  private final Clock clock;

  @Inject
  public QueuedExpiry(ExpiryService expiry, HoldExpiryQueue queue, Clock clock) {
    this.expiry = expiry;
    this.queue = queue;
    this.clock = clock;
  }

  /** Throws if the message cannot be handled now; the consumer reports it as a batch item failure. */
  public ExpiryService.Result handle(String body) {
    ExpiryMessage message = Json.read(body, ExpiryMessage.class);
    ExpiryService.Result result = expiry.expire(message.orderId());
    if (result.outcome() == ExpiryService.Outcome.NOT_DUE) {
      queue.schedule(message.orderId(), result.dueAt(), clock.instant());
    }
    return result;
  }
}
