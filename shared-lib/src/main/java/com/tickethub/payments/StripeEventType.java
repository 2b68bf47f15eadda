package com.tickethub.payments;

/** The Stripe event types TicketHub acts on; every other type is acknowledged and ignored. */
public enum StripeEventType {
  PAYMENT_SUCCEEDED("payment_intent.succeeded"),
  PAYMENT_FAILED("payment_intent.payment_failed"),
  PAYMENT_CANCELED("payment_intent.canceled"),
  CHARGE_REFUNDED("charge.refunded"),
  IGNORED(null);

  private final String stripeName;

  StripeEventType(String stripeName) {
    this.stripeName = stripeName;
  }

  public static StripeEventType of(String stripeName) {
    for (StripeEventType type : values()) {
      if (type.stripeName != null && type.stripeName.equals(stripeName)) {
        return type;
      }
    }
    return IGNORED;
  }
}
