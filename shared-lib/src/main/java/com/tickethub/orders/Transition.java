package com.tickethub.orders;

import static com.tickethub.orders.OrderStatus.CANCELLED;
import static com.tickethub.orders.OrderStatus.EXPIRED;
import static com.tickethub.orders.OrderStatus.PAID;
import static com.tickethub.orders.OrderStatus.PENDING_PAYMENT;
import static com.tickethub.orders.OrderStatus.REFUNDED;
import static com.tickethub.orders.OrderStatus.REFUNDING;
import static com.tickethub.orders.OrderStatus.RETAKING;

import java.util.Set;

/**
 * Every move an order can make, in one place: each is one conditional write of the order item
 * ({@link OrderRepository#move}) whose condition is "the status is one of {@code from}" (plus what the
 * move adds), so a repeated or late move changes nothing. The numbers are those of model/PROTOCOL.md, where
 * the model checker proves the protocol built from them.
 */
public enum Transition {
  /** T2: its own payment succeeded; the tickets are issued by this very write. */
  PAY(Set.of(PENDING_PAYMENT), PAID),
  /** T3: unpaid at {@code expiresAt}. */
  EXPIRE(Set.of(PENDING_PAYMENT), EXPIRED),
  /** T4: the buyer cancelled, or the PaymentIntent was canceled. */
  CANCEL(Set.of(PENDING_PAYMENT), CANCELLED),
  /** T5: a payment succeeded after the hold ended: take the tickets again, under a new generation. */
  START_RETAKE(Set.of(EXPIRED, CANCELLED), RETAKING),
  /** T6: every ticket was taken again: paid, tickets issued. */
  FINISH_RETAKE(Set.of(RETAKING), PAID),
  /** T7: the tickets are gone: the late payment goes back. */
  FAIL_RETAKE(Set.of(RETAKING), REFUNDING),
  /** T8 (a paid order: organizer or charge.refunded) and T10 (charge.refunded before its payment event). */
  START_REFUND(Set.of(PAID, PENDING_PAYMENT), REFUNDING),
  /** T9: the money and the stock are back. */
  FINISH_REFUND(Set.of(REFUNDING), REFUNDED),
  /** T11: charge.refunded of an order whose hold had already ended. */
  REFUND_UNPAID(Set.of(EXPIRED, CANCELLED), REFUNDED);

  private final Set<OrderStatus> from;
  private final OrderStatus to;

  Transition(Set<OrderStatus> from, OrderStatus to) {
    this.from = from;
    this.to = to;
  }

  public Set<OrderStatus> from() {
    return from;
  }

  public OrderStatus to() {
    return to;
  }
}
