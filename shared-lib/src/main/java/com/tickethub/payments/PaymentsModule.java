package com.tickethub.payments;

import com.tickethub.config.Config;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/** Chooses the payment gateway from {@code PAYMENT_GATEWAY}. */
@Module
public final class PaymentsModule {
  private PaymentsModule() {}

  @Provides
  @Singleton
  static PaymentGateway gateway(Config config) {
    String kind = config.get("PAYMENT_GATEWAY", "stripe");
    if (kind.equals("local")) {
      return new LocalPaymentGateway();
    }
    throw new IllegalStateException("Unknown PAYMENT_GATEWAY " + kind);
  }
}
