package com.tickethub.errors;

import java.util.Map;

/**
 * The payment provider refused the request: 402 payment_declined for a card error (its message is
 * written for the payer), 422 payment_rejected for a request it found invalid (its message is for
 * developers, so it is logged rather than shown).
 */
public final class PaymentRejected extends DomainException {
  private final String declineCode;

  private PaymentRejected(int status, String code, String detail, String declineCode) {
    super(status, code, "Payment rejected", detail);
    this.declineCode = declineCode;
  }

  public static PaymentRejected declined(String payerMessage, String declineCode) {
    return new PaymentRejected(402, "payment_declined",
        payerMessage == null ? "The card was declined" : payerMessage, declineCode);
  }

  public static PaymentRejected invalid() {
    return new PaymentRejected(422, "payment_rejected", "The payment provider rejected the request", null);
  }

  @Override
  public Map<String, Object> extensions() {
    return declineCode == null ? Map.of() : Map.of("declineCode", declineCode);
  }
}
