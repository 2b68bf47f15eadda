package com.tickethub.functions.getevent;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.tickethub.config.Config;
import com.tickethub.events.EventService;
import com.tickethub.http.ApiResponse;
import com.tickethub.http.Cacheable;
import com.tickethub.http.HttpEndpoint;
import com.tickethub.seats.SeatMap;
import com.tickethub.seats.SeatService;
import java.util.Map;

/**
 * {@code GET /events/{eventId}}: anyone reads an event with each ticket type's available count;
 * {@code GET /events/{eventId}/seats}: anyone reads its seat map (ETag, 304, gzip);
 * {@code GET /events/{eventId}/stats}: its organizer reads the counts per type, check-ins included.
 */
public final class GetEventHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final HttpEndpoint http;
  private final EventService events;
  private final SeatService seats;

  public GetEventHandler() {
    this(System.getenv());
  }

  public GetEventHandler(Map<String, String> env) {
    this(DaggerGetEventComponent.factory().create(new Config(env)));
  }

  GetEventHandler(GetEventComponent component) {
    this.http = component.http();
    this.events = component.events();
    this.seats = component.seats();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return http.handle(event, context, request -> switch (request.routeKey()) {
      case "GET /events/{eventId}/stats" ->
          ApiResponse.json(200, events.stats(request.caller(), request.pathParameter("eventId")));
      case "GET /events/{eventId}/seats" -> {
        SeatMap map = seats.map(request.pathParameter("eventId"));
        yield Cacheable.json(request, map.version(), map);
      }
      default -> ApiResponse.json(200, events.get(request.pathParameter("eventId")));
    });
  }
}
