package com.tickethub.live;

import com.tickethub.aws.AwsModule;
import com.tickethub.config.Config;
import com.tickethub.seats.LiveSeatRows;
import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import java.net.URI;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * The live functions' wiring: the connections table, the @connections client (its endpoint is the WebSocket
 * API's stage URL, {@code LIVE_CONNECTIONS_ENDPOINT}) and the seat rows' reader.
 */
@Module
public abstract class LiveModule {
  private LiveModule() {}

  @Binds
  abstract Connections connections(ManagementApiConnections connections);

  @Provides
  @Singleton
  static LiveTable liveTable(Config config) {
    return new LiveTable(config.require("LIVE_CONNECTIONS_TABLE_NAME"));
  }

  @Binds
  abstract SeatStock seatStock(LiveSeatRows rows);

  @Provides
  @Singleton
  static ApiGatewayManagementApiClient managementApi(Config config, SdkHttpClient http,
      AwsCredentialsProvider credentials) {
    return AwsModule.configure(ApiGatewayManagementApiClient.builder(), config, "APIGATEWAYMANAGEMENTAPI", credentials)
        .endpointOverride(URI.create(config.require("LIVE_CONNECTIONS_ENDPOINT"))).httpClient(http).build();
  }
}
