package com.tickethub.functions.blockseats;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.tickethub.aws.Priming;
import com.tickethub.config.Config;
import com.tickethub.http.ApiResponse;
import com.tickethub.http.HttpEndpoint;
import com.tickethub.seats.SeatList;
import com.tickethub.seats.SeatService;
import java.util.Map;

/**
 * {@code POST /events/{eventId}/seats/block} and {@code .../unblock}: the event's organizer takes free seats off
 * sale or puts blocked ones back. Both are idempotent by nature (blocking a blocked seat changes nothing), so
 * they need no Idempotency-Key.
 */
public final class BlockSeatsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final HttpEndpoint http;
  private final SeatService seats;

  public BlockSeatsHandler() {
    this(System.getenv());
    Priming.handler(this);
  }

  public BlockSeatsHandler(Map<String, String> env) {
    this(DaggerBlockSeatsComponent.factory().create(new Config(env)));
  }

  BlockSeatsHandler(BlockSeatsComponent component) {
    this.http = component.http();
    this.seats = component.seats();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return http.handle(event, context, request -> {
      String eventId = request.pathParameter("eventId");
      SeatList body = request.body(SeatList.class);
      return ApiResponse.json(200, request.routeKey().endsWith("/unblock")
          ? seats.unblock(request.caller(), eventId, body)
          : seats.block(request.caller(), eventId, body));
    });
  }
}
