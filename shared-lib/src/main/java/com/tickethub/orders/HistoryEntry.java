package com.tickethub.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One entry of an order's history, as pretix keeps one: each payment attempt, success, failure, cancellation,
 * expiry and refund, who or what caused it, when, the amount, and the Stripe ids. Written by the same
 * conditional write as the move it records, so a retry never records it twice.
 *
 * @param by the caller's {@code sub}, {@code stripe} for Stripe's events, {@code system} for expiry and the sweep
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntry(
    Instant at,
    Type type,
    String by,
    Long amountCents,
    String currency,
    String paymentIntentId,
    String stripeEventId,
    String refundId,
    String detail) {

  public enum Type {
    PAYMENT_SUCCEEDED, PAYMENT_FAILED, PAYMENT_CANCELED, CANCELLED, EXPIRED, REFUND_REQUESTED, REFUNDED,
    /** A payment that did not buy this order (a second one, or of the wrong amount) was sent back. */
    PAYMENT_REFUNDED
  }

  public static final String STRIPE = "stripe";
  public static final String SYSTEM = "system";

  static HistoryEntry of(Instant at, Type type, String by, String detail) {
    return new HistoryEntry(at, type, by, null, null, null, null, null, detail);
  }
}
