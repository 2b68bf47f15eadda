package com.tickethub.functions.validate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.tickethub.aws.Priming;
import com.tickethub.config.Config;
import com.tickethub.http.ApiResponse;
import com.tickethub.http.HttpEndpoint;
import com.tickethub.tickets.TicketService;
import com.tickethub.tickets.ValidateRequest;
import java.util.Map;

/**
 * {@code POST /tickets/validate}: a gate scan by the event's staff or organizer. VALID is 200; every
 * other result is a problem document carrying {@code result} (409 ALREADY_USED, 422 otherwise).
 */
public final class ValidateHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final HttpEndpoint http;
  private final TicketService tickets;

  public ValidateHandler() {
    this(System.getenv());
    Priming.handler(this);
  }

  public ValidateHandler(Map<String, String> env) {
    this(DaggerValidateComponent.factory().create(new Config(env)));
  }

  ValidateHandler(ValidateComponent component) {
    this.http = component.http();
    this.tickets = component.tickets();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return http.handle(event, context,
        request -> ApiResponse.json(200, tickets.validate(request.caller(), request.body(ValidateRequest.class))));
  }
}
