package com.tickethub.functions.createevent;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.tickethub.aws.Priming;
import com.tickethub.config.Config;
import com.tickethub.events.EventService;
import com.tickethub.events.NewEvent;
import com.tickethub.http.ApiResponse;
import com.tickethub.http.HttpEndpoint;
import com.tickethub.idempotency.HttpIdempotency;
import java.util.Map;

/** {@code POST /events}: an organizer creates an event with its ticket types (Idempotency-Key optional). */
public final class CreateEventHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final HttpEndpoint http;
  private final HttpIdempotency idempotency;
  private final EventService events;

  public CreateEventHandler() {
    this(System.getenv());
    Priming.handler(this);
  }

  public CreateEventHandler(Map<String, String> env) {
    this(DaggerCreateEventComponent.factory().create(new Config(env)));
  }

  CreateEventHandler(CreateEventComponent component) {
    this.http = component.http();
    this.idempotency = component.idempotency();
    this.events = component.events();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return http.handle(event, context, request -> idempotency.apply("create-event", request, false,
        claim -> ApiResponse.json(201, events.create(request.caller(), request.body(NewEvent.class)))));
  }
}
