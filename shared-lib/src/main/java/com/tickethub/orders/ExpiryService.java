package com.tickethub.orders;

import com.tickethub.http.Json;
import com.tickethub.orders.OrderLifecycle.Reconciled;
import com.tickethub.orders.OrderLifecycle.Result;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to orders when time passes: the hold-expiry queue's messages (each order's reconciliation when
 * its hold is due, and the prune of a refunded order's returns markers) and the sweep, the every-minute backstop
 * that finds open orders past due on the sparse index gsi4, so its cost grows with the open orders, not the table.
 */
@Singleton
public class ExpiryService {
  private static final Logger LOG = LoggerFactory.getLogger(ExpiryService.class);

  private final OrderRepository orders;
  private final OrderLifecycle lifecycle;
  private final HoldExpiryQueue queue;
  private final Clock clock;

  @Inject
  public ExpiryService(OrderRepository orders, OrderLifecycle lifecycle, HoldExpiryQueue queue, Clock clock) {
    this.orders = orders;
    this.lifecycle = lifecycle;
    this.queue = queue;
    this.clock = clock;
  }

  /**
   * One message of the hold-expiry queue; one that comes before it is due is put back for the time left. Throws
   * if it cannot be handled now: the consumer reports it as a batch item failure.
   */
  public Result handle(String body) {
    ExpiryMessage message = Json.read(body, ExpiryMessage.class);
    Instant now = clock.instant();
    if (message.kind() == ExpiryMessage.Kind.RETURNS) {
      Optional<Instant> again = lifecycle.pruneReturns(message.orderId());
      again.ifPresent(due -> queue.schedule(message, due, now));
      return again.isPresent() ? Result.NOT_DUE : Result.SETTLED;
    }
    Reconciled reconciled = lifecycle.reconcile(message.orderId(), message.eventId(), message.buyerId(),
        message.firstAttempt());
    if (reconciled.result() == Result.NOT_DUE) {
      queue.schedule(message, reconciled.dueAt(), now);
    }
    return reconciled.result();
  }

  /**
   * Reconciles every open order that is due (PENDING_PAYMENT past its hold, RETAKING or REFUNDING whose worker
   * died). An order that cannot be handled now does not keep the others from it; the next run retries it.
   * Returns how many orders it looked at.
   */
  public int sweep() {
    Instant now = clock.instant();
    List<Order> due = new ArrayList<>();
    for (int partition = 0; partition < OrderRepository.OPEN_PARTITIONS; partition++) {
      orders.dueOrders(partition, now, due::add);
    }
    for (Order order : due) {
      try {
        lifecycle.reconcile(order.orderId(), order.eventId(), order.buyerId());
      } catch (RuntimeException e) {
        LOG.error("Sweep could not reconcile order {}", order.orderId(), e);
      }
    }
    return due.size();
  }
}
