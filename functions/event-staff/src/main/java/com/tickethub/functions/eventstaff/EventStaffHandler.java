package com.tickethub.functions.eventstaff;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.tickethub.aws.Priming;
import com.tickethub.config.Config;
import com.tickethub.events.EventService;
import com.tickethub.events.StaffList;
import com.tickethub.http.ApiResponse;
import com.tickethub.http.HttpEndpoint;
import java.util.Map;

/** {@code PUT /events/{eventId}/staff}: the event's organizer replaces its gate-staff list. */
public final class EventStaffHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final HttpEndpoint http;
  private final EventService events;

  public EventStaffHandler() {
    this(System.getenv());
    Priming.handler(this);
  }

  public EventStaffHandler(Map<String, String> env) {
    this(DaggerEventStaffComponent.factory().create(new Config(env)));
  }

  EventStaffHandler(EventStaffComponent component) {
    this.http = component.http();
    this.events = component.events();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return http.handle(event, context, request -> ApiResponse.json(200,
        events.replaceStaff(request.caller(), request.pathParameter("eventId"), request.body(StaffList.class))));
  }
}
