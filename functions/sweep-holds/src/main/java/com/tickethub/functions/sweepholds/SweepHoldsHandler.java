package com.tickethub.functions.sweepholds;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.tickethub.aws.Priming;
import com.tickethub.config.Config;
import com.tickethub.orders.ExpiryService;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every minute: the backstop behind the hold-expiry queue. Reconciles every open order that is due (unpaid
 * orders past their hold become EXPIRED; late payments and refunds whose worker died are finished), found on the
 * sparse index of open orders, not by scanning the table.
 */
public final class SweepHoldsHandler implements RequestHandler<ScheduledEvent, Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(SweepHoldsHandler.class);

  private final ExpiryService expiry;

  public SweepHoldsHandler() {
    this(System.getenv());
    Priming.handler(this);
  }

  public SweepHoldsHandler(Map<String, String> env) {
    this(DaggerSweepHoldsComponent.factory().create(new Config(env)));
  }

  SweepHoldsHandler(SweepHoldsComponent component) {
    this.expiry = component.expiry();
  }

  /** Returns how many due orders it reconciled. */
  @Override
  public Integer handleRequest(ScheduledEvent event, Context context) {
    int due = expiry.sweep();
    LOG.info("{\"type\":\"hold-sweep\",\"due\":{}}", due);
    return due;
  }
}
