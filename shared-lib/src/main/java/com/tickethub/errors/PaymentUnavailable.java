package com.tickethub.errors;

import java.util.Map;

/**
 * 503 payment_unavailable: the payment provider did not answer in time or failed on its side (5xx,
 * timeout, connection refused) after the client's own retries. Nothing was charged that the caller
 * must track: the intent is keyed by the order id, so a retry later finds the same one.
 */
public final class PaymentUnavailable extends DomainException {
  private static final long RETRY_AFTER_SECONDS = 5;

  public PaymentUnavailable(String detail) {
    super(503, "payment_unavailable", "Payment provider unavailable", detail);
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
  }
}
