package com.tickethub.payments;

/**
 * The payment provider, as the services need it. Every call is safe to repeat: an intent is keyed
 * by its order id, a refund by the caller's idempotency key.
 */
public interface PaymentGateway {

  /** Creates (or, for the same order id, returns again) the PaymentIntent that pays an order. */
  PaymentIntent createIntent(String orderId, long amountCents, String currency);

  /** Cancels an intent that has not succeeded; canceling twice is a no-op. */
  void cancelIntent(String paymentIntentId);

  /**
   * Refunds a succeeded intent in full; the same key refunds once. Returns the refund's id, or null when the
   * payment had already been refunded in full (for example in Stripe's dashboard).
   */
  String refund(String paymentIntentId, String idempotencyKey);
}
