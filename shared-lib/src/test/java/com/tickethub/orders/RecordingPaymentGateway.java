package com.tickethub.orders;

import com.tickethub.payments.LocalPaymentGateway;
import com.tickethub.payments.PaymentGateway;
import com.tickethub.payments.PaymentIntent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The local gateway, recording the cancels and refunds asked of it (a test double of the port only). */
final class RecordingPaymentGateway implements PaymentGateway {
  /** A refund asked for: the intent and the Stripe idempotency key. */
  record Refund(String paymentIntentId, String idempotencyKey) {}

  private final LocalPaymentGateway local = new LocalPaymentGateway();
  final List<Refund> refunds = new CopyOnWriteArrayList<>();
  final List<String> cancels = new CopyOnWriteArrayList<>();

  @Override
  public PaymentIntent createIntent(String orderId, long amountCents, String currency) {
    return local.createIntent(orderId, amountCents, currency);
  }

  @Override
  public void cancelIntent(String paymentIntentId) {
    cancels.add(paymentIntentId);
  }

  @Override
  public String refund(String paymentIntentId, String idempotencyKey) {
    refunds.add(new Refund(paymentIntentId, idempotencyKey));
    return local.refund(paymentIntentId, idempotencyKey);
  }

  /** The distinct refunds, as Stripe would make them (one per idempotency key). */
  List<Refund> distinctRefunds() {
    return refunds.stream().distinct().toList();
  }
}
