package com.tickethub.functions.purchase;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.tickethub.aws.Priming;
import com.tickethub.config.Config;
import com.tickethub.http.HttpEndpoint;
import com.tickethub.orders.PurchaseRoute;
import java.util.Map;

/** {@code POST /tickets/purchase}: any signed-in user holds tickets and starts payment (Idempotency-Key required). */
public final class PurchaseHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final HttpEndpoint http;
  private final PurchaseRoute purchase;

  public PurchaseHandler() {
    this(System.getenv());
    Priming.handler(this);
  }

  public PurchaseHandler(Map<String, String> env) {
    this(DaggerPurchaseComponent.factory().create(new Config(env)));
  }

  PurchaseHandler(PurchaseComponent component) {
    this.http = component.http();
    this.purchase = component.purchase();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return http.handle(event, context, purchase);
  }
}
