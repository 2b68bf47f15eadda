package com.tickethub.local.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tickethub.payments.StripeSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the sample events of {@code events/} refer to, made on a running local server through its public
 * routes before {@code invoke} runs one function: an event of {@code organizer-1} (gate staff {@code scanner-1}) and
 * a seated one ({@code seatedEventId}, the {@code create-event-seated} sample's),
 * an order of buyer {@code u1} that is paid (with its first ticket and code) and one that still waits for its
 * payment. A sample names them as {@code ${sample.<name>}}; {@link #fill} puts the values in, signs a Stripe
 * webhook sample ({@code "stripe-signature": "${sample.stripeSignature}"}) over its final body, and gives each
 * invocation fresh Idempotency-Key and Stripe event ids. So every sample shows its function's real work.
 */
public final class SampleWorld {
  static final String ORGANIZER = "organizer-1";
  static final String BUYER = "u1";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{sample\\.([A-Za-z]+)}");
  private static final String SIGNATURE = "${sample.stripeSignature}";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final Map<String, String> values;
  private final String webhookSecret;

  private SampleWorld(Map<String, String> values, String webhookSecret) {
    this.values = values;
    this.webhookSecret = webhookSecret;
  }

  public static boolean needed(String eventText) {
    return PLACEHOLDER.matcher(eventText).find();
  }

  /** Makes the sample world on the server at {@code base}, whose events' body is the create-event sample's. */
  public static SampleWorld seed(URI base, Path root, String webhookSecret) {
    Client client = new Client(base);
    String organizer = client.token(ORGANIZER, "[\"organizer\"]");
    String buyer = client.token(BUYER, "[]");
    JsonNode sample = read(root.resolve("events/create-event.json"));
    JsonNode event = client.send("POST", "/events", organizer, sample.path("body").asText(), 201);
    String eventId = event.path("eventId").asText();
    JsonNode seated = client.send("POST", "/events", organizer,
        read(root.resolve("events/create-event-seated.json")).path("body").asText(), 201);
    String typeId = event.path("ticketTypes").path(0).path("ticketTypeId").asText();
    String purchase = "{\"eventId\":\"" + eventId + "\",\"items\":[{\"ticketTypeId\":\"" + typeId + "\",\"quantity\":1}]}";
    JsonNode paid = client.send("POST", "/tickets/purchase", buyer, purchase, 201);
    JsonNode pending = client.send("POST", "/tickets/purchase", buyer, purchase, 201);
    String paidOrderId = paid.path("orderId").asText();
    client.send("POST", "/_local/stripe/pay", null, "{\"orderId\":\"" + paidOrderId + "\"}", 202);
    JsonNode order = client.awaitPaid(paidOrderId, buyer);
    String ticketId = order.path("tickets").path(0).path("ticketId").asText();
    JsonNode ticket = client.send("GET", "/tickets/" + ticketId, buyer, null, 200);

    Map<String, String> values = new LinkedHashMap<>();
    values.put("eventId", eventId);
    values.put("seatedEventId", seated.path("eventId").asText());
    values.put("ticketTypeId", typeId);
    values.put("paidOrderId", paidOrderId);
    values.put("ticketId", ticketId);
    values.put("ticketCode", ticket.path("code").asText());
    values.put("pendingOrderId", pending.path("orderId").asText());
    values.put("pendingIntentId", pending.path("payment").path("paymentIntentId").asText());
    values.put("pendingAmount", pending.path("amountCents").asText());
    values.put("pendingCurrency", pending.path("currency").asText().toLowerCase(java.util.Locale.ROOT));
    return new SampleWorld(values, webhookSecret);
  }

  /** The sample with every placeholder filled in (fresh ids where a retry would be a replay). */
  public String fill(String eventText) {
    Map<String, String> all = new LinkedHashMap<>(values);
    all.put("idempotencyKey", "sample-" + UUID.randomUUID());
    all.put("stripeEventId", "evt_sample_" + UUID.randomUUID().toString().replace("-", ""));
    all.put("now", Long.toString(Instant.now().getEpochSecond()));
    Matcher placeholders = PLACEHOLDER.matcher(eventText.replace(SIGNATURE, "\u0000signature\u0000"));
    StringBuilder filled = new StringBuilder();
    while (placeholders.find()) {
      String value = all.get(placeholders.group(1));
      if (value == null) {
        throw new IllegalArgumentException("The sample names ${sample." + placeholders.group(1) + "}, which "
            + "the sample world does not have: one of " + all.keySet());
      }
      placeholders.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    placeholders.appendTail(filled);
    String text = filled.toString();
    if (!text.contains("\u0000signature\u0000")) {
      return text;
    }
    try {
      ObjectNode event = (ObjectNode) JSON.readTree(text.replace("\u0000signature\u0000", ""));
      String signature = StripeSignature.header(event.path("body").asText(), webhookSecret, Instant.now());
      ((ObjectNode) event.path("headers")).put("stripe-signature", signature);
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(event);
    } catch (IOException e) {
      throw new IllegalArgumentException("The sample is not JSON: " + e.getMessage(), e);
    }
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's public routes, as any client calls them. */
  private record Client(URI base, HttpClient http) {
    Client(URI base) {
      this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    String token(String sub, String groups) {
      return send("POST", "/_local/token", null, "{\"sub\":\"" + sub + "\",\"groups\":" + groups + "}", 200)
          .path("token").asText();
    }

    JsonNode awaitPaid(String orderId, String token) {
      Instant deadline = Instant.now().plus(PATIENCE);
      while (true) {
        JsonNode order = send("GET", "/orders/" + orderId, token, null, 200);
        if (order.path("status").asText().equals("PAID") || Instant.now().isAfter(deadline)) {
          if (!order.path("status").asText().equals("PAID")) {
            throw new IllegalStateException("The sample order " + orderId + " was not paid within " + PATIENCE);
          }
          return order;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }

    JsonNode send(String method, String path, String token, String body, int expected) {
      HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(PATIENCE)
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", "sample-" + UUID.randomUUID());
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      try {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
          throw new IllegalStateException("Making the sample world: " + method + " " + path + " answered "
              + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
