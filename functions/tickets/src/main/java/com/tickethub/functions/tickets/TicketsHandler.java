package com.tickethub.functions.tickets;

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
import com.tickethub.tickets.TicketService;
import java.util.Map;

/**
 * {@code GET /tickets/{ticketId}} and {@code GET /tickets/{ticketId}/qr} for the ticket's holder, and the
 * public {@code GET /.well-known/ticket-keys} (cacheable: keys change only by a rotation).
 */
public final class TicketsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final HttpEndpoint http;
  private final TicketService tickets;

  public TicketsHandler() {
    this(System.getenv());
    Priming.handler(this);
  }

  public TicketsHandler(Map<String, String> env) {
    this(DaggerTicketsComponent.factory().create(new Config(env)));
  }

  TicketsHandler(TicketsComponent component) {
    this.http = component.http();
    this.tickets = component.tickets();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return http.handle(event, context, this::route);
  }

  private ApiResponse route(ApiRequest request) {
    switch (request.routeKey()) {
      case "GET /tickets/{ticketId}":
        return ApiResponse.json(200, tickets.get(request.caller(), request.pathParameter("ticketId")));
      case "GET /tickets/{ticketId}/qr":
        return ApiResponse.binary(200, "image/png", tickets.qr(request.caller(), request.pathParameter("ticketId")))
            .withHeader("Cache-Control", "private, max-age=300");
      case "GET /.well-known/ticket-keys":
        return ApiResponse.text(200, "application/json", tickets.keys())
            .withHeader("Cache-Control", "public, max-age=300");
      default:
        throw new NotFound("No route " + request.routeKey());
    }
  }
}
