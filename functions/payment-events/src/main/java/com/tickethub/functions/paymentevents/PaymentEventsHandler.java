package com.tickethub.functions.paymentevents;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.tickethub.aws.Priming;
import com.tickethub.config.Config;
import com.tickethub.orders.PaymentEventService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the payment-events queue (verified Stripe events, enqueued by stripe-webhook). Each message is applied
 * on its own; one that fails (an outage, or a poison message: unparseable, no such order) is reported back
 * (ReportBatchItemFailures) so that only it is redelivered, and after 5 receives it goes to the DLQ.
 */
public final class PaymentEventsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(PaymentEventsHandler.class);

  private final PaymentEventService paymentEvents;

  public PaymentEventsHandler() {
    this(System.getenv());
    Priming.handler(this);
  }

  public PaymentEventsHandler(Map<String, String> env) {
    this(DaggerPaymentEventsComponent.factory().create(new Config(env)));
  }

  PaymentEventsHandler(PaymentEventsComponent component) {
    this.paymentEvents = component.paymentEvents();
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      try {
        LOG.info("{\"type\":\"payment-event-message\",\"messageId\":\"{}\",\"outcome\":\"{}\"}", message.getMessageId(),
            paymentEvents.apply(message.getBody()));
      } catch (RuntimeException e) {
        LOG.error("Payment event message {} failed", message.getMessageId(), e);
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }
}
