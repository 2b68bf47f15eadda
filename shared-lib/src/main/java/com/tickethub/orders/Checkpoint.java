package com.tickethub.orders;

/** The points between two writes of a purchase, where a crash would leave the state a retry or the expiry must mend. */
public enum Checkpoint {
  HOLDS_TAKEN,
  INTENT_CREATED,
  ORDER_WRITTEN,
  EXPIRY_SCHEDULED,
  TICKETS_ISSUED,
  RESPONSE_STORED
}
