package com.tickethub.local.server;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.tickethub.aws.AwsModule;
import com.tickethub.aws.ItemTables;
import com.tickethub.config.Config;
import com.tickethub.config.TableNames;
import com.tickethub.errors.Conflict;
import com.tickethub.errors.InvalidRequest;
import com.tickethub.errors.NotFound;
import com.tickethub.http.ApiResponse;
import com.tickethub.http.Json;
import com.tickethub.http.Validation;
import com.tickethub.orders.Order;
import com.tickethub.orders.OrderRepository;
import com.tickethub.payments.StripeSignature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code POST /_local/stripe/pay {"orderId": "...", "outcome": "succeeded" | "failed"}}: plays Stripe. Builds the
 * event Stripe would send for the order's PaymentIntent, signs it with the local webhook secret and delivers it to
 * the template's {@code POST /webhooks/stripe} route, so the real path runs: stripe-webhook verifies and enqueues,
 * payment-events applies it. 202 with the event's id and type once the webhook answered 200; the order changes
 * once the queue is consumed.
 *
 * <p>The delivery calls the webhook's function in this request's own thread, with the event API Gateway would
 * build, instead of sending a second request to this server: a request waiting for another request of the same
 * server holds a worker while it waits for one, and under load every worker waited (issue 9).
 */
final class StripePayRoute {
  static final String WEBHOOK_PATH = "/webhooks/stripe";

  private final OrderRepository orders;
  private final FunctionHost functions;
  /** Empty for a template without Stripe's webhook (the tests' own templates): paying is then refused. */
  private final Optional<RouteTable.Match> webhook;
  private final int port;
  private final String secret;

  /** The body of the request. */
  record PayRequest(String orderId, String outcome) {
    PayRequest {
      orderId = Validation.text("orderId", orderId, 128);
      outcome = outcome == null ? "succeeded" : outcome;
      if (!outcome.equals("succeeded") && !outcome.equals("failed")) {
        throw new InvalidRequest("outcome", "must be \"succeeded\" or \"failed\"");
      }
    }
  }

  StripePayRoute(LocalServices services) {
    DynamoDbClient dynamo = services.aws().dynamo();
    this.orders = new OrderRepository(dynamo, new ItemTables(AwsModule.enhanced(dynamo), new Config(Map.of())),
        new TableNames(services.aws().tableName("MainTable")));
    this.functions = services.functions();
    this.webhook = services.routes().find("POST", WEBHOOK_PATH);
    this.port = services.baseUri().getPort();
    this.secret = services.webhookSecret();
  }

  ApiResponse handle(LocalRequest request) throws Exception {
    PayRequest pay = request.json(PayRequest.class);
    Order order = orders.find(pay.orderId()).orElseThrow(() -> new NotFound("No order " + pay.orderId()));
    if (order.payment() == null) {
      throw new Conflict("no_payment", "Order " + pay.orderId() + " is free: it has no PaymentIntent to pay");
    }
    boolean succeeded = pay.outcome().equals("succeeded");
    String type = succeeded ? "payment_intent.succeeded" : "payment_intent.payment_failed";
    String eventId = "evt_local_" + UUID.randomUUID().toString().replace("-", "");
    String body = Json.write(event(eventId, type, order, succeeded));
    LocalRequest delivery = new LocalRequest("POST", WEBHOOK_PATH, null, Map.of(
        "content-type", List.of("application/json"),
        "stripe-signature", List.of(StripeSignature.header(body, secret, Instant.now())),
        "user-agent", List.of("Stripe/1.0 (+https://stripe.com/docs/webhooks)")),
        body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
    RouteTable.Match route = webhook.orElseThrow(() -> new NotFound("The template has no POST " + WEBHOOK_PATH));
    Object answer = functions.invoke(route.route().functionId(), ApiGatewayEvents.build(delivery, route, null, port));
    if (answer instanceof APIGatewayV2HTTPResponse response && response.getStatusCode() != 200) {
      throw new IllegalStateException(WEBHOOK_PATH + " answered " + response.getStatusCode() + ": " + response.getBody());
    }
    return ApiResponse.json(202, Map.of("eventId", eventId, "type", type));
  }

  /** A v1 snapshot event whose data.object is the order's PaymentIntent, as Stripe sends it. */
  private static Map<String, Object> event(String eventId, String type, Order order, boolean succeeded) {
    Map<String, Object> intent = new LinkedHashMap<>();
    intent.put("id", order.payment().paymentIntentId());
    intent.put("object", "payment_intent");
    intent.put("amount", order.amountCents());
    intent.put("amount_received", succeeded ? order.amountCents() : 0);
    intent.put("currency", order.currency().toLowerCase(Locale.ROOT));
    intent.put("status", succeeded ? "succeeded" : "requires_payment_method");
    intent.put("metadata", Map.of("orderId", order.orderId()));
    if (!succeeded) {
      intent.put("last_payment_error", Map.of("type", "card_error", "code", "card_declined",
          "decline_code", "generic_decline", "message", "Your card was declined."));
    }
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", eventId);
    event.put("object", "event");
    event.put("api_version", "2024-06-20");
    event.put("created", Instant.now().getEpochSecond());
    event.put("livemode", false);
    event.put("pending_webhooks", 1);
    event.put("type", type);
    event.put("data", Map.of("object", intent));
    return event;
  }
}
