package com.tickethub.orders;

/**
 * The points between two writes of the order life-cycle's flows, where a crash would leave a state that a
 * retry, a redelivery, the order's expiry message or the sweep must mend (the crash tests stop there).
 */
public enum Checkpoint {
  /** Purchase: the expiry message is queued, no hold taken yet. */
  EXPIRY_SCHEDULED,
  HOLDS_TAKEN,
  INTENT_CREATED,
  ORDER_WRITTEN,
  RESPONSE_STORED,
  /** The order became PAID (T2, T6 or a free order), before its holds became sold. */
  ORDER_PAID,
  /** One hold of a paid order became sold. */
  HOLD_COMMITTED,
  /** A late payment moved the order to RETAKING (T5), before taking anything. */
  RETAKE_STARTED,
  /** A late payment took the tickets again, before the order says so. */
  LATE_HOLDS_TAKEN,
  /** The order became REFUNDING (T7, T8, T10), before the money or the stock went back. */
  REFUND_STARTED,
  /** The money went back (or was back already), before the stock. */
  MONEY_REFUNDED,
  /** The stock went back, before the order says REFUNDED. */
  STOCK_GIVEN_BACK,
  /** The order became CANCELLED or EXPIRED, before its holds went back. */
  ORDER_ENDED
}
