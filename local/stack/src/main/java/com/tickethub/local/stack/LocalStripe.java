package com.tickethub.local.stack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the part of Stripe's REST API that stripe-java calls here: create and cancel a
 * PaymentIntent, create a refund. The functions reach it as they reach Stripe, through stripe-java with
 * its API base pointed here ({@code STRIPE_API_BASE}) and the API key of the Stripe secret. No money moves
 * and nothing is kept: an intent's id is {@code pi_local_} + its idempotency key (the order id), so a
 * retried purchase gets the same intent, as from Stripe. Payments are "made" by the local server's
 * {@code POST /_local/stripe/pay}, which sends the signed webhook Stripe would send.
 */
public final class LocalStripe implements AutoCloseable {
  /** The API key this stand-in accepts, put into the template's Stripe secret locally. */
  public static final String API_KEY = "sk_test_local";
  /** The webhook signing secret the local stack puts into the Stripe secret unless told another. */
  public static final String DEFAULT_WEBHOOK_SECRET = "whsec_local_dev";

  private static final Pattern CANCEL = Pattern.compile("/v1/payment_intents/([A-Za-z0-9_]+)/cancel");

  private final LocalHttp http;

  private LocalStripe() {
    this.http = LocalHttp.start("local-stripe", this::handle);
  }

  static LocalStripe start() {
    return new LocalStripe();
  }

  /** The template's Stripe secret as the local Stripe account fills it: this stand-in's API key and a webhook secret. */
  public static String secretString(String webhookSecret) {
    return LocalHttp.JSON.createObjectNode().put("apiKey", API_KEY).put("webhookSecret", webhookSecret).toString();
  }

  /** What stripe-java's API base is set to. */
  public URI apiBase() {
    return http.endpoint();
  }

  private LocalHttp.Answer handle(HttpExchange exchange, String body) {
    if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      return error(401, "invalid_request_error", null, "Invalid API Key provided");
    }
    String path = exchange.getRequestURI().getPath();
    Map<String, String> form = form(body);
    if (!exchange.getRequestMethod().equals("POST")) {
      return error(404, "invalid_request_error", null, "The local Stripe serves no " + path);
    }
    if (path.equals("/v1/payment_intents")) {
      return createIntent(form, exchange.getRequestHeaders().getFirst("Idempotency-Key"));
    }
    Matcher cancel = CANCEL.matcher(path);
    if (cancel.matches()) {
      ObjectNode intent = intent(cancel.group(1), 0, "eur", "canceled");
      intent.remove("amount");
      return ok(intent);
    }
    if (path.equals("/v1/refunds") && form.containsKey("payment_intent")) {
      ObjectNode refund = LocalHttp.JSON.createObjectNode()
          .put("id", "re_local_" + UUID.randomUUID().toString().replace("-", ""))
          .put("object", "refund")
          .put("status", "succeeded")
          .put("payment_intent", form.get("payment_intent"))
          .put("created", Instant.now().getEpochSecond());
      return ok(refund);
    }
    return error(404, "invalid_request_error", null, "The local Stripe serves no POST " + path);
  }

  private static LocalHttp.Answer createIntent(Map<String, String> form, String idempotencyKey) {
    long amount;
    try {
      amount = Long.parseLong(form.getOrDefault("amount", ""));
    } catch (NumberFormatException e) {
      return error(400, "invalid_request_error", "parameter_missing", "Missing required param: amount.");
    }
    String currency = form.get("currency");
    if (currency == null || currency.isBlank()) {
      return error(400, "invalid_request_error", "parameter_missing", "Missing required param: currency.");
    }
    String key = idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey;
    ObjectNode intent = intent("pi_local_" + key.replaceAll("[^A-Za-z0-9]", ""), amount, currency,
        "requires_payment_method");
    ObjectNode metadata = intent.putObject("metadata");
    form.forEach((name, value) -> {
      if (name.startsWith("metadata[") && name.endsWith("]")) {
        metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
      }
    });
    return ok(intent);
  }

  private static ObjectNode intent(String id, long amount, String currency, String status) {
    return LocalHttp.JSON.createObjectNode()
        .put("id", id)
        .put("object", "payment_intent")
        .put("amount", amount)
        .put("currency", currency)
        .put("status", status)
        .put("client_secret", id + "_secret_" + sha256(id).substring(0, 24))
        .put("livemode", false)
        .put("created", Instant.now().getEpochSecond());
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LocalHttp.Answer ok(ObjectNode object) {
    return new LocalHttp.Answer(200, "application/json", object.toString());
  }

  private static LocalHttp.Answer error(int status, String type, String code, String message) {
    ObjectNode error = LocalHttp.JSON.createObjectNode();
    ObjectNode inner = error.putObject("error").put("type", type).put("message", message);
    if (code != null) {
      inner.put("code", code);
    }
    return new LocalHttp.Answer(status, "application/json", error.toString());
  }

  @Override
  public void close() {
    http.close();
  }
}
