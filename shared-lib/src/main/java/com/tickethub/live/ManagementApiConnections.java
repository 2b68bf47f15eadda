package com.tickethub.live;

import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/** PostToConnection through the SDK client, pointed at the API's stage URL (or the local server's). */
@Singleton
public final class ManagementApiConnections implements Connections {
  private final ApiGatewayManagementApiClient api;

  @Inject
  public ManagementApiConnections(ApiGatewayManagementApiClient api) {
    this.api = api;
  }

  @Override
  public boolean post(String connectionId, String message) {
    try {
      api.postToConnection(b -> b.connectionId(connectionId).data(SdkBytes.fromUtf8String(message)));
      return true;
    } catch (GoneException gone) {
      return false;
    }
  }
}
