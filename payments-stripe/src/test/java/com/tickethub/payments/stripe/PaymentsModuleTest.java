package com.tickethub.payments.stripe;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tickethub.config.Config;
import com.tickethub.http.Json;
import com.tickethub.payments.LocalPaymentGateway;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentsModuleTest {

  @Test
  void stripeGatewayIsBuiltWithTheKeyOfTheEnvironment() {
    Config config = new Config(Map.of("PAYMENT_GATEWAY", "stripe", "STRIPE_API_KEY", "sk_test_env"));

    assertInstanceOf(StripePaymentGateway.class, PaymentsModule.gateway(config, () -> secrets(config)));
  }

  @Test
  void localGatewayNeedsNoStripeKey() {
    Config config = new Config(Map.of("PAYMENT_GATEWAY", "local"));

    assertInstanceOf(LocalPaymentGateway.class, PaymentsModule.gateway(config, () -> {
      throw new AssertionError("no Stripe secrets locally");
    }));
  }

  @Test
  void unknownGatewayIsAConfigurationError() {
    Config config = new Config(Map.of("PAYMENT_GATEWAY", "paypal"));

    assertThrows(IllegalStateException.class, () -> PaymentsModule.gateway(config, () -> secrets(config)));
  }

  private static StripeSecrets secrets(Config config) {
    return new StripeSecrets(config, () -> {
      throw new AssertionError("the environment has the key");
    }, Json.MAPPER);
  }
}
