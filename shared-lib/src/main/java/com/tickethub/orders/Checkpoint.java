package com.tickethub.orders;

/**
 * The points between two writes of a purchase or of a payment event, where a crash would leave the state a
 * retry, a redelivery or the expiry must mend.
 */
public enum Checkpoint {
  HOLDS_TAKEN,
  INTENT_CREATED,
  ORDER_WRITTEN,
  EXPIRY_SCHEDULED,
  TICKETS_ISSUED,
  RESPONSE_STORED,
  /** A payment event moved the order to PAID (or, late, took its tickets again first: LATE_HOLDS_TAKEN). */
  ORDER_PAID,
  LATE_HOLDS_TAKEN,
  /** One hold of a paid order became sold. */
  HOLD_COMMITTED,
  /** The order became REFUNDED, before the money or the tickets went back. */
  ORDER_REFUNDED,
  /** The order became CANCELLED, before its holds went back. */
  ORDER_CANCELLED
}
