package com.tickethub.payments.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.tickethub.aws.AwsModule;
import com.tickethub.config.Config;
import com.tickethub.http.Json;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Where the Stripe keys come from: the Secrets Manager secret STRIPE_SECRET_ID names (a stub of its API here), and nothing else. */
class StripeSecretsTest {
  private static final String SECRET_ID = "tickethub-test-stripe";
  private static WireMockServer secretsManager;

  @BeforeAll
  static void startStub() {
    secretsManager = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    secretsManager.start();
  }

  @AfterAll
  static void stopStub() {
    secretsManager.stop();
  }

  @BeforeEach
  void reset() {
    secretsManager.resetAll();
  }

  @Test
  void environmentVariablesNamedLikeTheKeysAreNotASecondSource() {
    stubSecret("{\"apiKey\": \"sk_test_sm\", \"webhookSecret\": \"whsec_sm\"}");
    StripeSecrets secrets = cloudSecrets(Map.of("STRIPE_API_KEY", "sk_test_env", "STRIPE_WEBHOOK_SECRET", "whsec_env"));

    assertEquals("sk_test_sm", secrets.apiKey());
    assertEquals("whsec_sm", secrets.webhookSecret());
  }

  @Test
  void jsonSecretIsReadOnceForBothValues() {
    stubSecret("{\"apiKey\": \"sk_test_sm\", \"webhookSecret\": \"whsec_sm\"}");
    StripeSecrets secrets = cloudSecrets();

    assertEquals("sk_test_sm", secrets.apiKey());
    assertEquals("whsec_sm", secrets.webhookSecret());
    assertEquals("sk_test_sm", secrets.apiKey());

    secretsManager.verify(exactly(1), postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
        .withRequestBody(containing(SECRET_ID)));
  }

  @Test
  void secretWithoutAFieldFailsNamingTheFieldButNoValue() {
    stubSecret("{\"apiKey\": \"sk_test_sm\", \"webhookSecret\": \"\"}");

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> cloudSecrets().webhookSecret());

    assertTrue(e.getMessage().contains("webhookSecret"), e.getMessage());
    assertFalse(e.getMessage().contains("sk_test_sm"), e.getMessage());
  }

  @Test
  void secretThatIsNotJsonFailsWithoutQuotingIt() {
    stubSecret("sk_test_plain_text");

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> cloudSecrets().apiKey());

    assertFalse(e.getMessage().contains("sk_test_plain_text"), e.getMessage());
  }

  @Test
  void missingSecretIdIsAConfigurationError() {
    StripeSecrets secrets = new StripeSecrets(config(Map.of()),
        () -> { throw new AssertionError("Secrets Manager must not be used"); }, Json.MAPPER);

    assertThrows(IllegalStateException.class, secrets::webhookSecret);
  }

  private StripeSecrets cloudSecrets() {
    return cloudSecrets(Map.of());
  }

  private StripeSecrets cloudSecrets(Map<String, String> more) {
    Map<String, String> values = new HashMap<>(more);
    values.put("STRIPE_SECRET_ID", SECRET_ID);
    values.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsManager.baseUrl());
    Config config = config(values);
    SecretsManagerClient client = AwsModule.configure(SecretsManagerClient.builder(), config, "SECRETS_MANAGER",
        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
    return new StripeSecrets(config, () -> client, Json.MAPPER);
  }

  private static void stubSecret(String secretString) {
    secretsManager.stubFor(post(urlEqualTo("/")).willReturn(okForContentType("application/x-amz-json-1.1",
        Json.write(Map.of("ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + SECRET_ID + "-AbCdEf",
            "Name", SECRET_ID, "SecretString", secretString, "VersionId", "v1")))));
  }

  private static Config config(Map<String, String> values) {
    Map<String, String> env = new HashMap<>(values);
    env.put("AWS_REGION", "us-east-1");
    return new Config(env);
  }
}
