package com.tickethub.functions.getevent;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.tickethub.aws.Priming;
import com.tickethub.config.Config;
import com.tickethub.events.EventListings;
import com.tickethub.events.EventService;
import com.tickethub.http.ApiResponse;
import com.tickethub.http.Caching;
import com.tickethub.http.HttpEndpoint;
import com.tickethub.http.Validation;
import com.tickethub.seats.SeatMap;
import com.tickethub.seats.SeatService;
import java.util.Map;

/**
 * {@code GET /events/{eventId}}: anyone reads an event with each ticket type's available count;
 * cacheable for a second by a CDN (ETag, 304 on If-None-Match), the polling fallback of live availability;
 * {@code GET /events/{eventId}/seats}: anyone reads its seat map (cacheable the same way, gzip when asked);
 * {@code GET /events/{eventId}/stats}: its organizer reads the counts per type, check-ins included;
 * {@code GET /events}: anyone lists the upcoming events; {@code GET /organizer/events}: an organizer lists theirs.
 */
public final class GetEventHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final HttpEndpoint http;
  private final EventService events;
  private final SeatService seats;
  private final EventListings listings;

  public GetEventHandler() {
    this(System.getenv());
    Priming.handler(this);
  }

  public GetEventHandler(Map<String, String> env) {
    this(DaggerGetEventComponent.factory().create(new Config(env)));
  }

  GetEventHandler(GetEventComponent component) {
    this.http = component.http();
    this.events = component.events();
    this.seats = component.seats();
    this.listings = component.listings();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return http.handle(event, context, request -> switch (request.routeKey()) {
      case "GET /events" -> ApiResponse.json(200, listings.upcoming(
          Validation.instant("from", request.queryParameter("from").orElse(null)), request.queryParameter("limit"),
          request.queryParameter("cursor")));
      case "GET /organizer/events" -> ApiResponse.json(200, listings.organizedBy(request.caller(),
          request.queryParameter("limit"), request.queryParameter("cursor")));
      case "GET /events/{eventId}/stats" -> ApiResponse.json(200,
          events.stats(request.caller(), request.pathParameter("eventId")));
      case "GET /events/{eventId}/seats" -> {
        SeatMap map = seats.map(request.pathParameter("eventId"));
        yield Caching.versioned(request, map.version(), map);
      }
      default -> Caching.publicForOneSecond(request, ApiResponse.json(200, events.get(request.pathParameter("eventId"))));
    });
  }
}
