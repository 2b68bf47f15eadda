package com.tickethub.payments.stripe;

import com.stripe.Stripe;
import com.tickethub.config.Config;
import com.tickethub.payments.LocalPaymentGateway;
import com.tickethub.payments.PaymentGateway;
import dagger.Module;
import dagger.Provides;
import javax.inject.Provider;
import javax.inject.Singleton;

/**
 * Chooses the payment gateway from {@code PAYMENT_GATEWAY}: {@code stripe} (the default) or
 * {@code local}. {@code STRIPE_API_BASE} points the Stripe client at another address than Stripe's.
 */
@Module
public final class PaymentsModule {
  private PaymentsModule() {}

  @Provides
  @Singleton
  static PaymentGateway gateway(Config config, Provider<StripeSecrets> secrets) {
    String kind = config.get("PAYMENT_GATEWAY", "stripe");
    switch (kind) {
      case "local":
        return new LocalPaymentGateway();
      case "stripe":
        return new StripePaymentGateway(StripePaymentGateway.client(secrets.get().apiKey(),
            config.get("STRIPE_API_BASE", Stripe.LIVE_API_BASE), StripePaymentGateway.READ_TIMEOUT));
      default:
        throw new IllegalStateException("Unknown PAYMENT_GATEWAY " + kind);
    }
  }
}
