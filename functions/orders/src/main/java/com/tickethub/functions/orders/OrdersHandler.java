package com.tickethub.functions.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.tickethub.config.Config;
import com.tickethub.errors.NotFound;
import com.tickethub.http.ApiRequest;
import com.tickethub.http.ApiResponse;
import com.tickethub.http.HttpEndpoint;
import com.tickethub.idempotency.HttpIdempotency;
import com.tickethub.orders.OrderChangeService;
import com.tickethub.orders.OrderService;
import java.util.Map;

/**
 * {@code GET /orders/{orderId}} (its buyer or the event's organizer), {@code POST /orders/{orderId}/cancel} (its
 * buyer) and {@code POST /orders/{orderId}/refund} (the event's organizer); the two POSTs take an optional
 * Idempotency-Key and are safe to repeat without one.
 */
public final class OrdersHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final String FUNCTION = "orders";

  private final HttpEndpoint http;
  private final OrderService orders;
  private final OrderChangeService changes;
  private final HttpIdempotency idempotency;

  public OrdersHandler() {
    this(System.getenv());
  }

  public OrdersHandler(Map<String, String> env) {
    this(DaggerOrdersComponent.factory().create(new Config(env)));
  }

  OrdersHandler(OrdersComponent component) {
    this.http = component.http();
    this.orders = component.orders();
    this.changes = component.changes();
    this.idempotency = component.idempotency();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return http.handle(event, context, this::route);
  }

  private ApiResponse route(ApiRequest request) {
    String orderId = request.pathParameter("orderId");
    switch (request.routeKey()) {
      case "GET /orders/{orderId}":
        return ApiResponse.json(200, orders.get(request.caller(), orderId));
      case "POST /orders/{orderId}/cancel":
        return idempotency.apply(FUNCTION + "-cancel", request, false,
            () -> ApiResponse.json(200, changes.cancel(request.caller(), orderId)));
      case "POST /orders/{orderId}/refund":
        return idempotency.apply(FUNCTION + "-refund", request, false,
            () -> ApiResponse.json(200, changes.refund(request.caller(), orderId)));
      default:
        throw new NotFound("No route " + request.routeKey());
    }
  }
}
