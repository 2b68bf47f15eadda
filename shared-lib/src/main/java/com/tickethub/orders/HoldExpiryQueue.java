package com.tickethub.orders;

import com.tickethub.config.Config;
import com.tickethub.http.Json;
import java.time.Duration;
import java.time.Instant;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The hold-expiry queue ({@code HOLD_EXPIRY_QUEUE_URL}): one delayed message per unpaid order. SQS delays at
 * most 15 minutes, so a longer hold is looked at early and put back with the time that is left.
 */
@Singleton
public class HoldExpiryQueue {
  static final long MAX_DELAY_SECONDS = 900;

  private final SqsClient sqs;
  private final String url;

  @Inject
  public HoldExpiryQueue(SqsClient sqs, Config config) {
    this.sqs = sqs;
    this.url = config.require("HOLD_EXPIRY_QUEUE_URL");
  }

  /** Asks for the order to be looked at when it is due (or in 15 minutes, whichever comes first). */
  public void schedule(String orderId, Instant dueAt, Instant now) {
    long delay = Math.max(0, Math.min(MAX_DELAY_SECONDS, Duration.between(now, dueAt).toSeconds() + 1));
    sqs.sendMessage(b -> b.queueUrl(url).messageBody(Json.write(new ExpiryMessage(orderId)))
        .delaySeconds((int) delay));
  }
}
