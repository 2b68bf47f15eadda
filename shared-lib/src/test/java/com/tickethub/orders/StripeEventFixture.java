package com.tickethub.orders;

import static com.tickethub.testing.Requests.resource;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Stripe event bodies for an order, from the templates under src/test/resources/payments. */
final class StripeEventFixture {
  private StripeEventFixture() {}

  static String succeeded(OrderView order) {
    return succeeded(order, intentOf(order), order.amountCents());
  }

  static String succeeded(OrderView order, String intentId, long amountCents) {
    return intentEvent("payment_intent.succeeded", "succeeded", order, intentId, amountCents, "null");
  }

  static String failed(OrderView order) {
    return intentEvent("payment_intent.payment_failed", "requires_payment_method", order, intentOf(order),
        order.amountCents(), "{\"type\": \"card_error\", \"code\": \"card_declined\", \"message\": \"Your card was declined.\"}");
  }

  static String canceled(OrderView order) {
    return intentEvent("payment_intent.canceled", "canceled", order, intentOf(order), order.amountCents(), "null");
  }

  /** A refund in Stripe's dashboard: a charge without our metadata, found by its PaymentIntent. */
  static String chargeRefunded(OrderView order, long refundedCents) {
    return fill(resource("payments/charge-refunded-event.json"), Map.of("eventId", eventId(), "amount",
        Long.toString(order.amountCents()), "refunded", Long.toString(refundedCents), "currency", currency(order),
        "intentId", intentOf(order)));
  }

  static String intentOf(OrderView order) {
    return order.payment().paymentIntentId();
  }

  private static String intentEvent(String type, String status, OrderView order, String intentId, long amountCents,
      String error) {
    return fill(resource("payments/payment-intent-event.json"), Map.of("eventId", eventId(), "type", type,
        "intentId", intentId, "amount", Long.toString(amountCents), "currency", currency(order), "status", status,
        "orderId", order.orderId(), "error", error));
  }

  private static String eventId() {
    return "evt_test_" + UUID.randomUUID().toString().replace("-", "");
  }

  private static String currency(OrderView order) {
    return order.currency().toLowerCase(Locale.ROOT);
  }

  private static String fill(String template, Map<String, String> values) {
    String text = template;
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("${" + value.getKey() + "}", value.getValue());
    }
    return text;
  }
}
