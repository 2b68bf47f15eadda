package com.tickethub.functions.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.tickethub.config.Config;
import com.tickethub.http.ApiResponse;
import com.tickethub.http.HttpEndpoint;
import com.tickethub.orders.OrderService;
import java.util.Map;

/** {@code GET /orders/{orderId}}: the order for its buyer or the event's organizer, with its tickets once paid. */
public final class GetOrderHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final HttpEndpoint http;
  private final OrderService orders;

  public GetOrderHandler() {
    this(System.getenv());
  }

  public GetOrderHandler(Map<String, String> env) {
    this(DaggerOrdersComponent.factory().create(new Config(env)));
  }

  GetOrderHandler(OrdersComponent component) {
    this.http = component.http();
    this.orders = component.orders();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return http.handle(event, context,
        request -> ApiResponse.json(200, orders.get(request.caller(), request.pathParameter("orderId"))));
  }
}
