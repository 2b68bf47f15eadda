package com.tickethub.payments;

import com.tickethub.idempotency.Idempotency;

/**
 * A gateway for the service tests: no network, {@code pi_local_...} intents derived from the order id, so
 * that the same order always gets the same intent, as Stripe's idempotency key makes it. (The local server
 * and the deployed functions use the Stripe gateway; locally it talks to the local Stripe stand-in.)
 */
public final class LocalPaymentGateway implements PaymentGateway {

  @Override
  public PaymentIntent createIntent(String orderId, long amountCents, String currency) {
    String id = intentId(orderId);
    return new PaymentIntent(id, id + "_secret_" + Idempotency.sha256(id).substring(0, 24));
  }

  @Override
  public void cancelIntent(String paymentIntentId) {
    // nothing to cancel: local intents live only in the orders that name them
  }

  @Override
  public String refund(String paymentIntentId, String idempotencyKey) {
    return "re_local_" + Idempotency.sha256(idempotencyKey).substring(0, 24); // no money moved
  }

  public static String intentId(String orderId) {
    return "pi_local_" + orderId.replace("-", "");
  }
}
