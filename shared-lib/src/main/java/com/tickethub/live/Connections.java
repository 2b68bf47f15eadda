package com.tickethub.live;

/**
 * The WebSocket API's {@code @connections} management endpoint: send a message to one connection. In AWS
 * and locally alike it is {@link ManagementApiConnections}, the SDK's ApiGatewayManagementApi client.
 */
public interface Connections {
  /** Sends the text; false when the connection is gone (API Gateway's 410, a GoneException). */
  boolean post(String connectionId, String message);
}
