package com.tickethub.functions.stripewebhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.tickethub.aws.Priming;
import com.tickethub.config.Config;
import com.tickethub.http.ApiResponse;
import com.tickethub.http.HttpEndpoint;
import com.tickethub.payments.stripe.StripeWebhook;
import java.util.Map;

/**
 * {@code POST /webhooks/stripe} (no JWT: the Stripe signature is the authentication): verified
 * events go on the payment-events queue and are answered 200 at once; bad signatures get 400.
 */
public final class StripeWebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final Map<String, Boolean> RECEIVED = Map.of("received", true);

  private final HttpEndpoint http;
  private final StripeWebhook webhook;

  public StripeWebhookHandler() {
    this(System.getenv());
    Priming.handler(this);
  }

  public StripeWebhookHandler(Map<String, String> env) {
    this(DaggerStripeWebhookComponent.factory().create(new Config(env)));
  }

  StripeWebhookHandler(StripeWebhookComponent component) {
    this.http = component.http();
    this.webhook = component.webhook();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return http.handle(event, context, request -> {
      webhook.receive(request.body(), request.header("Stripe-Signature"));
      return ApiResponse.json(200, RECEIVED);
    });
  }
}
