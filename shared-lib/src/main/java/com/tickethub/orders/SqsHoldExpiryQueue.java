package com.tickethub.orders;

import com.tickethub.config.Config;
import com.tickethub.http.Json;
import java.time.Duration;
import java.time.Instant;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The hold-expiry queue in SQS ({@code HOLD_EXPIRY_QUEUE_URL}). SQS delays at most 15 minutes, so a later message
 * is looked at early and put back with the time that is left.
 */
@Singleton
public class SqsHoldExpiryQueue implements HoldExpiryQueue {
  static final long MAX_DELAY_SECONDS = 900;

  private final SqsClient sqs;
  private final String url;

  @Inject
  public SqsHoldExpiryQueue(SqsClient sqs, Config config) {
    this.sqs = sqs;
    this.url = config.require("HOLD_EXPIRY_QUEUE_URL");
  }

  @Override
  public void schedule(ExpiryMessage message, Instant dueAt, Instant now) {
    long delay = Math.max(0, Math.min(MAX_DELAY_SECONDS, Duration.between(now, dueAt).toSeconds() + 1));
    sqs.sendMessage(b -> b.queueUrl(url).messageBody(Json.write(message)).delaySeconds((int) delay));
  }
}
