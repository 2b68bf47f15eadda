package com.tickethub.payments.stripe;

import static com.tickethub.testing.Requests.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tickethub.config.Config;
import com.tickethub.errors.InvalidSignature;
import com.tickethub.http.Json;
import com.tickethub.payments.StripeEvent;
import com.tickethub.aws.AwsModule;
import com.tickethub.local.stack.LocalStripe;
import com.tickethub.payments.StripeSignature;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import com.tickethub.testing.MutableClock;
import com.tickethub.testing.TestStack;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The signature's age is judged on the injected clock, as every time in TicketHub is. */
class StripeWebhookTest {
  /** What the test stack put into the Stripe secret, as an operator would. */
  private static final String SECRET = LocalStripe.DEFAULT_WEBHOOK_SECRET;
  private static final Instant SIGNED_AT = Instant.parse("2026-11-25T12:00:00Z");

  private final String body = resource("stripe-events/payment-intent-succeeded.json");
  private final String header = StripeSignature.header(body, SECRET, SIGNED_AT);
  private final MutableClock clock = new MutableClock(SIGNED_AT);
  private String queueUrl;
  private StripeWebhook webhook;

  @BeforeEach
  void ownQueue() {
    queueUrl = TestStack.aws().sqs().createQueue(b -> b.queueName("stripe-webhook-" + UUID.randomUUID())).queueUrl();
    Map<String, String> env = new HashMap<>(TestStack.aws().functionEnvironment("StripeWebhookFunction", Map.of()));
    env.put("PAYMENT_EVENTS_QUEUE_URL", queueUrl);
    Config config = new Config(env);
    SecretsManagerClient client = AwsModule.configure(SecretsManagerClient.builder(), config, "SECRETS_MANAGER",
        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
    StripeSecrets secrets = new StripeSecrets(config, () -> client, Json.MAPPER);
    webhook = new StripeWebhook(secrets, clock, TestStack.aws().sqs(), config);
  }

  @Test
  void signatureExactlyAtTheToleranceIsAccepted() {
    clock.advance(Duration.ofSeconds(StripeWebhook.TOLERANCE_SECONDS));

    StripeEvent event = webhook.receive(body, Optional.of(header));

    assertEquals("evt_3QTestSucceeded0001", event.id());
    assertEquals(1, queued());
  }

  @Test
  void signatureOneSecondPastTheToleranceIsStale() {
    clock.advance(Duration.ofSeconds(StripeWebhook.TOLERANCE_SECONDS + 1));

    assertThrows(InvalidSignature.class, () -> webhook.receive(body, Optional.of(header)));
    assertEquals(0, queued());
  }

  private int queued() {
    return TestStack.aws().sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
        .messages().size();
  }
}
