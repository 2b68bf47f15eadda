package com.tickethub.payments.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.errors.Conflict;
import com.tickethub.errors.PaymentRejected;
import com.tickethub.errors.PaymentUnavailable;
import com.tickethub.payments.PaymentGateway;
import com.tickethub.payments.PaymentIntent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway to Stripe, through {@link StripeApi}. Errors leave it as domain errors: {@link PaymentUnavailable}
 * when Stripe is down, slow or unreachable (after the API client's own retries, which reuse the request's
 * idempotency key), {@link PaymentRejected} when it refuses the request. A wrong API key is a configuration bug
 * and stays a plain exception.
 */
public final class StripePaymentGateway implements PaymentGateway {
  /** Connection errors, timeouts, 409 and 5xx are retried this many times with the same idempotency key. */
  public static final int MAX_NETWORK_RETRIES = 2;
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  /** Three attempts of this plus back-off stay well inside the functions' 20 s timeout. */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(4);

  private static final Logger LOG = LoggerFactory.getLogger(StripePaymentGateway.class);

  private final StripeApi stripe;

  public StripePaymentGateway(StripeApi stripe) {
    this.stripe = stripe;
  }

  /** A client of the Stripe API at {@code apiBase} (Stripe's own, or a stub in tests). */
  public static StripeApi client(Supplier<String> apiKey, String apiBase, Duration readTimeout) {
    return new StripeApi(apiKey, apiBase, CONNECT_TIMEOUT, readTimeout, MAX_NETWORK_RETRIES);
  }

  @Override
  public PaymentIntent createIntent(String orderId, long amountCents, String currency) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("amount", Long.toString(amountCents));
    form.put("currency", currency.toLowerCase(Locale.ROOT));
    form.put("metadata[orderId]", orderId);
    form.put("automatic_payment_methods[enabled]", "true");
    try {
      // Stripe's idempotency key is the order id: a retried purchase gets the same intent back.
      JsonNode intent = stripe.post("/v1/payment_intents", form, orderId);
      return new PaymentIntent(intent.path("id").asText(), intent.path("client_secret").asText());
    } catch (RuntimeException e) {
      throw translate("create the PaymentIntent of order " + orderId, e);
    }
  }

  @Override
  public void cancelIntent(String paymentIntentId) {
    try {
      stripe.post("/v1/payment_intents/" + paymentIntentId + "/cancel", Map.of(), null);
    } catch (StripeApi.Failure e) {
      String status = e.intentStatus().orElse(null);
      if ("canceled".equals(status)) {
        return;
      }
      if ("succeeded".equals(status)) {
        throw new Conflict("payment_succeeded", "The payment of this order has already succeeded");
      }
      throw translate("cancel " + paymentIntentId, e);
    } catch (RuntimeException e) {
      throw translate("cancel " + paymentIntentId, e);
    }
  }

  @Override
  public String refund(String paymentIntentId, String idempotencyKey) {
    try {
      return stripe.post("/v1/refunds", Map.of("payment_intent", paymentIntentId), idempotencyKey)
          .path("id").asText();
    } catch (StripeApi.Failure e) {
      // A full refund made earlier (by us past Stripe's 24 h key memory, or in the dashboard) is done.
      if (!"charge_already_refunded".equals(e.code())) {
        throw translate("refund " + paymentIntentId, e);
      }
      return null;
    } catch (RuntimeException e) {
      throw translate("refund " + paymentIntentId, e);
    }
  }

  private static RuntimeException translate(String what, RuntimeException e) {
    if (e instanceof StripeApi.Unreachable
        || e instanceof StripeApi.Failure failure && (failure.status() == 429 || failure.status() >= 500)) {
      LOG.warn("Stripe unavailable: could not {}: {}", what, e.getMessage());
      return new PaymentUnavailable("The payment provider is unavailable; try again shortly");
    }
    if (e instanceof StripeApi.Failure card && card.type().equals("card_error")) {
      LOG.info("Stripe declined: could not {}: {}", what, e.getMessage());
      return PaymentRejected.declined(card.userMessage(), card.declineCode());
    }
    if (e instanceof StripeApi.Failure invalid && invalid.type().equals("invalid_request_error")) {
      LOG.warn("Stripe rejected: could not {}: {}", what, e.getMessage());
      return PaymentRejected.invalid();
    }
    return new IllegalStateException("Stripe: could not " + what + ": " + e.getMessage(), e);
  }
}
