package com.tickethub.payments.stripe;

import com.tickethub.config.Config;
import com.tickethub.errors.InvalidRequest;
import com.tickethub.errors.InvalidSignature;
import com.tickethub.payments.StripeEvent;
import com.tickethub.payments.StripeEvents;
import com.tickethub.payments.StripeSignature;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The ingest side of Stripe webhooks: verify the {@code Stripe-Signature} of the body exactly as
 * received, then put that body on the payment-events queue for the consumer. Nothing else happens
 * here, so Stripe gets its answer in milliseconds and every effect is left to the consumer, which
 * deduplicates by event id.
 */
@Singleton
public final class StripeWebhook {
  /** Stripe's own default: a signature older than this is a replay. */
  public static final long TOLERANCE_SECONDS = 300;
  public static final String EVENT_ID_ATTRIBUTE = "eventId";
  public static final String EVENT_TYPE_ATTRIBUTE = "eventType";

  private final StripeSecrets secrets;
  private final Clock clock;
  private final SqsClient sqs;
  private final String queueUrl;

  @Inject
  public StripeWebhook(StripeSecrets secrets, Clock clock, SqsClient sqs, Config config) {
    this.secrets = secrets;
    this.clock = clock;
    this.sqs = sqs;
    this.queueUrl = config.require("PAYMENT_EVENTS_QUEUE_URL");
  }

  /**
   * Enqueues a verified event and returns it. InvalidSignature (400) for a missing, malformed, wrong
   * or stale signature; InvalidRequest (400) for a correctly signed body that is not a Stripe event (the
   * signature is fine, the content is not): nothing is enqueued then.
   * An SQS failure propagates (a 5xx), so that Stripe delivers the event again.
   */
  public StripeEvent receive(String body, Optional<String> signatureHeader) {
    String header = signatureHeader.filter(h -> !h.isBlank())
        .orElseThrow(() -> new InvalidSignature("The Stripe-Signature header is missing"));
    String payload = body == null ? "" : body;
    verify(payload, header);
    StripeEvent event;
    try {
      event = StripeEvents.parse(payload);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest("body", "is signed but not a Stripe event (" + e.getMessage() + ")");
    }
    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(payload).messageAttributes(Map.of(
        EVENT_ID_ATTRIBUTE, attribute(event.id()),
        EVENT_TYPE_ATTRIBUTE, attribute(event.type()))));
    return event;
  }

  private void verify(String payload, String header) {
    StripeSignature.verify(payload, header, secrets.webhookSecret(), TOLERANCE_SECONDS, clock);
  }

  private static MessageAttributeValue attribute(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }
}
