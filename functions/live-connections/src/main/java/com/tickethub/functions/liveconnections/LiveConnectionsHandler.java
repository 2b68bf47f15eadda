package com.tickethub.functions.liveconnections;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.tickethub.config.Config;
import com.tickethub.live.LiveService;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live WebSocket API's routes: {@code $connect} admits anyone (watching needs no sign-in),
 * {@code subscribe} and {@code $default} (any other message) go to {@link LiveService#receive}, which
 * answers on the connection, and {@code $disconnect} forgets the connection.
 */
public final class LiveConnectionsHandler
    implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(LiveConnectionsHandler.class);

  private final LiveService live;

  public LiveConnectionsHandler() {
    this(System.getenv());
  }

  public LiveConnectionsHandler(Map<String, String> env) {
    this(DaggerLiveConnectionsComponent.factory().create(new Config(env)));
  }

  LiveConnectionsHandler(LiveConnectionsComponent component) {
    this.live = component.live();
  }

  @Override
  public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
    APIGatewayV2WebSocketEvent.RequestContext request = event.getRequestContext();
    try {
      switch (request.getRouteKey()) {
        case "$connect" -> { }
        case "$disconnect" -> live.disconnect(request.getConnectionId());
        default -> live.receive(request.getConnectionId(), body(event));
      }
      return response(200);
    } catch (RuntimeException e) {
      LOG.error("Live route {} failed for connection {}", request.getRouteKey(), request.getConnectionId(), e);
      return response(500);
    }
  }

  private static String body(APIGatewayV2WebSocketEvent event) {
    if (event.getBody() == null || !event.isIsBase64Encoded()) {
      return event.getBody();
    }
    return new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8);
  }

  private static APIGatewayV2WebSocketResponse response(int status) {
    APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
    response.setStatusCode(status);
    return response;
  }
}
