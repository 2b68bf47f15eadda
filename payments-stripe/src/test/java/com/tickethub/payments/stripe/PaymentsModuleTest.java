package com.tickethub.payments.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.aws.AwsModule;
import com.tickethub.config.Config;
import com.tickethub.http.Json;
import com.tickethub.payments.PaymentGateway;
import com.tickethub.payments.PaymentIntent;
import com.tickethub.testing.TestStack;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The deployable wiring has one gateway, Stripe's, with the key of the Stripe secret; locally only where
 * Stripe's API is differs (the local stack's Stripe stand-in, filled into the secret like a real key).
 */
class PaymentsModuleTest {

  @Test
  void gatewayIsStripeReachedWithTheKeyOfTheSecret() {
    Config config = TestStack.config("PurchaseFunction");
    PaymentGateway gateway = PaymentsModule.gateway(config, () -> secrets(config));

    String orderId = UUID.randomUUID().toString();
    PaymentIntent intent = gateway.createIntent(orderId, 2500, "EUR");

    assertInstanceOf(StripePaymentGateway.class, gateway);
    assertEquals("pi_local_" + orderId.replace("-", ""), intent.id());
    assertTrue(intent.clientSecret().startsWith(intent.id() + "_secret_"), intent.clientSecret());
  }

  @Test
  void thereIsNoLocalGatewayToSwitchTo() {
    Map<String, String> env = new HashMap<>(TestStack.aws().functionEnvironment("PurchaseFunction", Map.of()));
    env.put("PAYMENT_GATEWAY", "local");
    Config config = new Config(env);

    assertInstanceOf(StripePaymentGateway.class, PaymentsModule.gateway(config, () -> secrets(config)));
  }

  private static StripeSecrets secrets(Config config) {
    SecretsManagerClient client = AwsModule.configure(SecretsManagerClient.builder(), config, "SECRETS_MANAGER",
        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
    return new StripeSecrets(config, () -> client, Json.MAPPER);
  }
}
