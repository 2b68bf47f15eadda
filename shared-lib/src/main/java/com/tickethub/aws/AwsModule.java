package com.tickethub.aws;

import com.tickethub.config.Config;
import dagger.Module;
import dagger.Provides;
import java.net.URI;
import java.time.Duration;
import java.util.stream.Stream;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * AWS SDK clients, built once per container with an explicit region, credentials and the light
 * URLConnection HTTP client (no Apache or Netty in the jar, nothing looked up at cold start).
 * {@code AWS_ENDPOINT_URL_<SERVICE>} or {@code AWS_ENDPOINT_URL} point them at local stand-ins. In Lambda the
 * DynamoDB client is primed before the SnapStart snapshot ({@link Priming}) with a read of a key that never exists.
 */
@Module
public final class AwsModule {
  private AwsModule() {}

  @Provides
  @Singleton
  static SdkHttpClient httpClient() {
    return UrlConnectionHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(2))
        .socketTimeout(Duration.ofSeconds(10))
        .build();
  }

  /**
   * In Lambda, the default chain (it reads the runtime's own, refreshed credentials, also after a
   * SnapStart restore); elsewhere, the keys of the environment handed to the function.
   */
  @Provides
  @Singleton
  static AwsCredentialsProvider credentials(Config config) {
    if (Priming.inLambda(config)) {
      return DefaultCredentialsProvider.builder().build();
    }
    String key = config.require("AWS_ACCESS_KEY_ID");
    String secret = config.require("AWS_SECRET_ACCESS_KEY");
    AwsCredentials credentials = config.optional("AWS_SESSION_TOKEN")
        .<AwsCredentials>map(token -> AwsSessionCredentials.create(key, secret, token))
        .orElseGet(() -> AwsBasicCredentials.create(key, secret));
    return StaticCredentialsProvider.create(credentials);
  }

  @Provides
  @Singleton
  static DynamoDbClient dynamoDb(Config config, SdkHttpClient http, AwsCredentialsProvider credentials) {
    DynamoDbClient client = primable(configure(DynamoDbClient.builder(), config, "DYNAMODB", credentials), config)
        .httpClient(http).build();
    if (Priming.inLambda(config)) {
      config.optional("TABLE_NAME").ifPresent(table ->
          Priming.register("dynamodb", () -> ClientPriming.dynamo(client, table)));
    }
    return client;
  }

  /**
   * The enhanced client over the same DynamoDB client, for whole items ({@link ItemTables}). No extensions: no
   * item of ours has a version or counter attribute for them to maintain, and every condition is written out.
   */
  @Provides
  @Singleton
  public static DynamoDbEnhancedClient enhanced(DynamoDbClient dynamo) {
    return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).extensions().build();
  }

  @Provides
  @Singleton
  static SqsClient sqs(Config config, SdkHttpClient http, AwsCredentialsProvider credentials) {
    SqsClient client = primable(configure(SqsClient.builder(), config, "SQS", credentials), config)
        .httpClient(http).build();
    if (Priming.inLambda(config)) {
      // the queues the functions send to
      Stream.of("HOLD_EXPIRY_QUEUE_URL", "PAYMENT_EVENTS_QUEUE_URL").flatMap(name -> config.optional(name).stream())
          .forEach(url -> Priming.register("sqs", () -> ClientPriming.sqs(client, url)));
    }
    return client;
  }

  @Provides
  @Singleton
  static SecretsManagerClient secretsManager(Config config, SdkHttpClient http, AwsCredentialsProvider credentials) {
    return configure(SecretsManagerClient.builder(), config, "SECRETS_MANAGER", credentials).httpClient(http).build();
  }

  private static <B extends AwsClientBuilder<B, ?>> B primable(B builder, Config config) {
    return Priming.inLambda(config)
        ? builder.overrideConfiguration(o -> o.addExecutionInterceptor(new DryRun()))
        : builder;
  }

  /** Region, credentials and endpoint override shared by every client this project builds. */
  public static <B extends AwsClientBuilder<B, ?>> B configure(B builder, Config config, String service,
      AwsCredentialsProvider credentials) {
    builder.region(Region.of(config.require("AWS_REGION"))).credentialsProvider(credentials);
    config.optional("AWS_ENDPOINT_URL_" + service).or(() -> config.optional("AWS_ENDPOINT_URL"))
        .ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
    return builder;
  }
}
