package com.tickethub.payments.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tickethub.config.Config;
import dagger.Lazy;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The Stripe API key and webhook endpoint secret. Locally they are the environment variables
 * {@code STRIPE_API_KEY} and {@code STRIPE_WEBHOOK_SECRET}; in the cloud, where the template sets
 * neither, they are the fields {@code apiKey} and {@code webhookSecret} of the JSON secret that
 * {@code STRIPE_SECRET_ID} names in Secrets Manager, read once per container on first use (the
 * Secrets Manager client is not even built where the environment has both values).
 */
@Singleton
public final class StripeSecrets {
  private final Config config;
  private final Lazy<SecretsManagerClient> secretsManager;
  private final ObjectMapper json;
  private volatile JsonNode secret;

  @Inject
  public StripeSecrets(Config config, Lazy<SecretsManagerClient> secretsManager, ObjectMapper json) {
    this.config = config;
    this.secretsManager = secretsManager;
    this.json = json;
  }

  public String apiKey() {
    return value("STRIPE_API_KEY", "apiKey");
  }

  public String webhookSecret() {
    return value("STRIPE_WEBHOOK_SECRET", "webhookSecret");
  }

  private String value(String variable, String field) {
    Optional<String> local = config.optional(variable);
    if (local.isPresent()) {
      return local.get();
    }
    String secretId = config.optional("STRIPE_SECRET_ID").orElseThrow(() -> new IllegalStateException(
        "Neither " + variable + " nor STRIPE_SECRET_ID is set"));
    String value = secret(secretId).path(field).asText("");
    if (value.isBlank()) {
      // the message names the field, never a value
      throw new IllegalStateException("Secret " + secretId + " has no " + field);
    }
    return value;
  }

  private JsonNode secret(String secretId) {
    JsonNode read = secret;
    if (read == null) {
      synchronized (this) {
        if (secret == null) {
          secret = parse(secretId, secretsManager.get().getSecretValue(b -> b.secretId(secretId)).secretString());
        }
        read = secret;
      }
    }
    return read;
  }

  private JsonNode parse(String secretId, String text) {
    try {
      JsonNode node = text == null ? null : json.readTree(text);
      if (node == null || !node.isObject()) {
        throw new IllegalStateException("Secret " + secretId + " is not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      // the parser's message could quote the secret: it is left out
      throw new IllegalStateException("Secret " + secretId + " is not valid JSON");
    }
  }
}
