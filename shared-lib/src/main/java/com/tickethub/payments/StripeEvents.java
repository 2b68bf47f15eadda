package com.tickethub.payments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.http.Json;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a Stripe event (a v1 snapshot event, {@code "object": "event"}) from its JSON text, the body
 * Stripe posted and the webhook enqueued. It does not verify anything: only verified bodies reach it.
 */
public final class StripeEvents {
  private StripeEvents() {}

  /** The event; IllegalArgumentException, naming the field, when the text is not a Stripe event. */
  public static StripeEvent parse(String body) {
    JsonNode root = tree(body);
    if (!"event".equals(root.path("object").asText())) {
      throw new IllegalArgumentException("object: is not \"event\"");
    }
    JsonNode object = root.path("data").path("object");
    if (!object.isObject()) {
      throw new IllegalArgumentException("data.object: is missing");
    }
    JsonNode created = root.path("created");
    if (!created.isIntegralNumber() || !created.canConvertToLong()) {
      throw new IllegalArgumentException("created: is not a unix time");
    }
    String objectId = text(object, "id")
        .orElseThrow(() -> new IllegalArgumentException("data.object.id: is missing"));
    Optional<String> paymentIntentId = "payment_intent".equals(object.path("object").asText())
        ? Optional.of(objectId)
        : text(object, "payment_intent");
    return new StripeEvent(
        text(root, "id").orElseThrow(() -> new IllegalArgumentException("id: is missing")),
        text(root, "type").orElseThrow(() -> new IllegalArgumentException("type: is missing")),
        Instant.ofEpochSecond(created.asLong()),
        objectId,
        paymentIntentId,
        text(object.path("metadata"), "orderId"),
        number(object, "amount"),
        text(object, "currency").map(c -> c.toUpperCase(Locale.ROOT)),
        number(object, "amount_refunded"),
        text(object.path("last_payment_error"), "message"));
  }

  private static JsonNode tree(String body) {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("body: is empty");
    }
    try {
      JsonNode root = Json.MAPPER.readTree(body);
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("body: is not a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("body: is not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
  }

  private static OptionalLong number(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isIntegralNumber() && value.canConvertToLong() ? OptionalLong.of(value.asLong()) : OptionalLong.empty();
  }
}
