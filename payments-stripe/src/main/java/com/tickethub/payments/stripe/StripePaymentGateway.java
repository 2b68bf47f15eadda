package com.tickethub.payments.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.tickethub.errors.Conflict;
import com.tickethub.errors.PaymentRejected;
import com.tickethub.errors.PaymentUnavailable;
import com.tickethub.payments.PaymentGateway;
import com.tickethub.payments.PaymentIntent;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway to Stripe, through stripe-java's non-global {@link StripeClient}. Errors leave it as
 * domain errors: {@link PaymentUnavailable} when Stripe is down, slow or unreachable (after
 * stripe-java's own retries, which reuse the request's idempotency key), {@link PaymentRejected}
 * when it refuses the request. A wrong API key is a configuration bug and stays a plain exception.
 */
public final class StripePaymentGateway implements PaymentGateway {
  /** stripe-java retries connection errors, timeouts, 409 and 5xx with the same idempotency key. */
  public static final int MAX_NETWORK_RETRIES = 2;
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  /** Three attempts of this plus back-off stay well inside the functions' 20 s timeout. */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(4);

  private static final Logger LOG = LoggerFactory.getLogger(StripePaymentGateway.class);

  private final StripeClient stripe;

  public StripePaymentGateway(StripeClient stripe) {
    this.stripe = stripe;
  }

  /** A client of the Stripe API at {@code apiBase} (Stripe's own, or a stub in tests). */
  public static StripeClient client(String apiKey, String apiBase, Duration readTimeout) {
    return StripeClient.builder()
        .setApiKey(apiKey)
        .setApiBase(apiBase)
        .setConnectTimeout((int) CONNECT_TIMEOUT.toMillis())
        .setReadTimeout((int) readTimeout.toMillis())
        .setMaxNetworkRetries(MAX_NETWORK_RETRIES)
        .build();
  }

  @Override
  public PaymentIntent createIntent(String orderId, long amountCents, String currency) {
    PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
        .setAmount(amountCents)
        .setCurrency(currency.toLowerCase(Locale.ROOT))
        .putMetadata("orderId", orderId)
        .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
            .setEnabled(true).build())
        .build();
    // Stripe's idempotency key is the order id: a retried purchase gets the same intent back.
    RequestOptions options = RequestOptions.builder().setIdempotencyKey(orderId).build();
    try {
      com.stripe.model.PaymentIntent intent = stripe.v1().paymentIntents().create(params, options);
      return new PaymentIntent(intent.getId(), intent.getClientSecret());
    } catch (StripeException e) {
      throw translate("create the PaymentIntent of order " + orderId, e);
    }
  }

  @Override
  public void cancelIntent(String paymentIntentId) {
    try {
      stripe.v1().paymentIntents().cancel(paymentIntentId);
    } catch (InvalidRequestException e) {
      String status = intentStatus(e);
      if ("canceled".equals(status)) {
        return;
      }
      if ("succeeded".equals(status)) {
        throw new Conflict("payment_succeeded", "The payment of this order has already succeeded");
      }
      throw translate("cancel " + paymentIntentId, e);
    } catch (StripeException e) {
      throw translate("cancel " + paymentIntentId, e);
    }
  }

  @Override
  public String refund(String paymentIntentId, String idempotencyKey) {
    RefundCreateParams params = RefundCreateParams.builder().setPaymentIntent(paymentIntentId).build();
    RequestOptions options = RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    try {
      return stripe.v1().refunds().create(params, options).getId();
    } catch (InvalidRequestException e) {
      // A full refund made earlier (by us past Stripe's 24 h key memory, or in the dashboard) is done.
      if (!"charge_already_refunded".equals(e.getCode())) {
        throw translate("refund " + paymentIntentId, e);
      }
      return null;
    } catch (StripeException e) {
      throw translate("refund " + paymentIntentId, e);
    }
  }

  private static String intentStatus(InvalidRequestException e) {
    if (e.getStripeError() == null || e.getStripeError().getPaymentIntent() == null) {
      return null;
    }
    return e.getStripeError().getPaymentIntent().getStatus();
  }

  private static RuntimeException translate(String what, StripeException e) {
    Integer status = e.getStatusCode();
    if (e instanceof ApiConnectionException || e instanceof RateLimitException
        || (status != null && status >= 500)) {
      LOG.warn("Stripe unavailable: could not {}: {}", what, e.getMessage());
      return new PaymentUnavailable("The payment provider is unavailable; try again shortly");
    }
    if (e instanceof CardException card) {
      LOG.info("Stripe declined: could not {}: {}", what, e.getMessage());
      return PaymentRejected.declined(card.getUserMessage(), card.getDeclineCode());
    }
    if (e instanceof InvalidRequestException) {
      LOG.warn("Stripe rejected: could not {}: {}", what, e.getMessage());
      return PaymentRejected.invalid();
    }
    return new IllegalStateException("Stripe: could not " + what + ": " + e.getMessage(), e);
  }
}
