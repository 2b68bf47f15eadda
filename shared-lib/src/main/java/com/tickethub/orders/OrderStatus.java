package com.tickethub.orders;

/**
 * An order's stored state (model/PROTOCOL.md). The first five are the API's ("Order states"); the other two
 * are moments of work the API shows by what they lead to: RETAKING (a late payment is taking the tickets
 * again) is shown as PENDING_PAYMENT, REFUNDING (the refund is decided and the tickets are void; the money and
 * the stock are on their way back) as REFUNDED. The allowed moves between them are {@link Transition}s.
 */
public enum OrderStatus {
  PENDING_PAYMENT, PAID, EXPIRED, CANCELLED, REFUNDED, RETAKING, REFUNDING;

  /** The status the API shows. */
  public OrderStatus shown() {
    return switch (this) {
      case RETAKING -> PENDING_PAYMENT;
      case REFUNDING -> REFUNDED;
      default -> this;
    };
  }

  /** Whether an order in this state must still move on its own, and so is on the sweep's index of open orders. */
  public boolean open() {
    return this == PENDING_PAYMENT || this == RETAKING || this == REFUNDING;
  }

  /** Whether the order's tickets are void (those not checked in). */
  public boolean refunded() {
    return this == REFUNDING || this == REFUNDED;
  }
}
