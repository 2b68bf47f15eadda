package com.tickethub.orders;

import java.time.Instant;

/**
 * Delayed messages that reconcile an order when it is due (its hold's expiry, the prune of its returns
 * markers): SQS in every function ({@link SqsHoldExpiryQueue}).
 */
public interface HoldExpiryQueue {
  /** Asks for the message to be handled when it is due (or earlier, to be put back for the time left). */
  void schedule(ExpiryMessage message, Instant dueAt, Instant now);
}
