package com.tickethub.payments.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tickethub.config.Config;
import dagger.Lazy;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The Stripe API key and webhook endpoint secret: the fields {@code apiKey} and {@code webhookSecret} of
 * the JSON secret that {@code STRIPE_SECRET_ID} names in Secrets Manager (locally, the local stack's
 * stand-in of it), read once per container on first use.
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
    return value("apiKey");
  }

  public String webhookSecret() {
    return value("webhookSecret");
  }

  private String value(String field) {
    String secretId = config.require("STRIPE_SECRET_ID");
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
