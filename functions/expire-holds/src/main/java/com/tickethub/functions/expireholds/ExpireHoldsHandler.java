package com.tickethub.functions.expireholds;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.tickethub.aws.Priming;
import com.tickethub.config.Config;
import com.tickethub.orders.ExpiryService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the hold-expiry queue. Each message is handled on its own; one that fails is reported back
 * (ReportBatchItemFailures) so that only it is redelivered, and after 5 receives it goes to the DLQ.
 */
public final class ExpireHoldsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(ExpireHoldsHandler.class);

  private final ExpiryService expiry;

  public ExpireHoldsHandler() {
    this(System.getenv());
    Priming.handler(this);
  }

  public ExpireHoldsHandler(Map<String, String> env) {
    this(DaggerExpireHoldsComponent.factory().create(new Config(env)));
  }

  ExpireHoldsHandler(ExpireHoldsComponent component) {
    this.expiry = component.expiry();
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      try {
        LOG.info("{\"type\":\"hold-expiry\",\"messageId\":\"{}\",\"outcome\":\"{}\"}", message.getMessageId(),
            expiry.handle(message.getBody()));
      } catch (RuntimeException e) {
        LOG.error("Hold expiry message {} failed", message.getMessageId(), e);
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }
}
