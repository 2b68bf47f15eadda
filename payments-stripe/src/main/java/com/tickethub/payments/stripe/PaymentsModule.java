package com.tickethub.payments.stripe;

import com.tickethub.aws.Priming;
import com.tickethub.config.Config;
import com.tickethub.payments.PaymentGateway;
import dagger.Module;
import dagger.Provides;
import javax.inject.Provider;
import javax.inject.Singleton;

/**
 * The payment gateway: Stripe, through its REST API. {@code STRIPE_API_BASE} points the client at another
 * address than Stripe's (the local stack's Stripe stand-in, or a stub in tests); nothing else differs locally.
 */
@Module
public final class PaymentsModule {
  private PaymentsModule() {}

  @Provides
  @Singleton
  static PaymentGateway gateway(Config config, Provider<StripeSecrets> secrets) {
    StripeApi stripe = StripePaymentGateway.client(() -> secrets.get().apiKey(),
        config.get("STRIPE_API_BASE", StripeApi.LIVE_API_BASE), StripePaymentGateway.READ_TIMEOUT);
    if (Priming.inLambda(config)) {
      Priming.register("stripe", stripe::prime);
    }
    return new StripePaymentGateway(stripe);
  }
}
