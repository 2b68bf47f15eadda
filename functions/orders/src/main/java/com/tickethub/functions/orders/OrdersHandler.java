package com.tickethub.functions.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.tickethub.aws.Priming;
import com.tickethub.config.Config;
import com.tickethub.errors.NotFound;
import com.tickethub.http.ApiRequest;
import com.tickethub.http.ApiResponse;
import com.tickethub.http.HttpEndpoint;
import com.tickethub.idempotency.HttpIdempotency;
import com.tickethub.orders.OrderService;
import java.util.Map;

/**
 * {@code GET /orders} (the caller's), {@code GET /events/{eventId}/orders} (its organizer), {@code GET
 * /orders/{orderId}} (its buyer or the event's organizer), {@code POST /orders/{orderId}/cancel} (its buyer) and
 * {@code POST /orders/{orderId}/refund} (the event's organizer); the two POSTs take an optional Idempotency-Key
 * and are safe to repeat without one.
 */
public final class OrdersHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final String FUNCTION = "orders";

  private final HttpEndpoint http;
  private final OrderService orders;
  private final HttpIdempotency idempotency;

  public OrdersHandler() {
    this(System.getenv());
    Priming.handler(this);
  }

  public OrdersHandler(Map<String, String> env) {
    this(DaggerOrdersComponent.factory().create(new Config(env)));
  }

  OrdersHandler(OrdersComponent component) {
    this.http = component.http();
    this.orders = component.orders();
    this.idempotency = component.idempotency();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return http.handle(event, context, this::route);
  }

  private ApiResponse route(ApiRequest request) {
    switch (request.routeKey()) {
      case "GET /orders":
        return ApiResponse.json(200, orders.mine(request.caller(), request.queryParameter("limit"),
            request.queryParameter("cursor")));
      case "GET /events/{eventId}/orders":
        return ApiResponse.json(200, orders.ofEvent(request.caller(), request.pathParameter("eventId"),
            request.queryParameter("limit"), request.queryParameter("cursor")));
      case "GET /orders/{orderId}":
        return ApiResponse.json(200, orders.get(request.caller(), request.pathParameter("orderId")));
      case "POST /orders/{orderId}/cancel":
        return idempotency.apply(FUNCTION + "-cancel", request, false,
            claim -> ApiResponse.json(200, orders.cancel(request.caller(), request.pathParameter("orderId"))));
      case "POST /orders/{orderId}/refund":
        return idempotency.apply(FUNCTION + "-refund", request, false,
            claim -> ApiResponse.json(200, orders.refund(request.caller(), request.pathParameter("orderId"))));
      default:
        throw new NotFound("No route " + request.routeKey());
    }
  }
}
