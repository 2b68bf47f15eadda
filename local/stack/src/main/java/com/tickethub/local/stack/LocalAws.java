package com.tickethub.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The template's tables and queues on local stand-ins of DynamoDB and SQS (dynalite and ElasticMQ by
 * default; moto or LocalStack for the tests, see {@link #inMemory}), and the
 * environment each function would get from the template, resolved against them.
 */
public final class LocalAws implements AutoCloseable {
  public static final String REGION = "us-east-1";
  public static final String ACCOUNT = "000000000000";

  private static LocalAws shared;

  static {
    LocalHttp.configureJvm();
  }

  private final Template template;
  private final Endpoints endpoints;
  private final DynamoDbClient dynamo;
  private final SqsClient sqs;
  private final Map<String, String> queueUrls = new LinkedHashMap<>();
  private final Map<String, String> queueArns = new LinkedHashMap<>();
  private final DynamoStreamProxy streams;
  private final Map<String, String> secretNames = new LinkedHashMap<>();
  private final LocalStripe stripe;
  private final LocalSecretsManager secretsManager;
  private Dynalite dynalite;

  /** The stand-ins behind the two endpoints, stopped by {@link #close()}. */
  public interface Endpoints extends AutoCloseable {
    URI dynamo();

    URI sqs();

    /** False while the DynamoDB stand-in is down (dynalite being started again after it died). */
    default boolean dynamoAvailable() {
      return true;
    }

    @Override
    void close();
  }

  private LocalAws(Template template, Endpoints endpoints, DynamoStreamProxy streams) {
    this.template = template;
    this.endpoints = endpoints;
    this.streams = streams;
    this.dynamo = DynamoDbClient.builder().endpointOverride(dynamoEndpoint()).region(Region.of(REGION))
        .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    this.sqs = SqsClient.builder().endpointOverride(endpoints.sqs()).region(Region.of(REGION))
        .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    this.stripe = LocalStripe.start();
    this.secretsManager = LocalSecretsManager.start();
    createTables();
    createQueues();
    createSecrets();
  }

  /**
   * dynalite + ElasticMQ, in memory when {@code dataDir} is null; otherwise dynalite keeps its tables in
   * {@code dataDir/dynamodb} and ElasticMQ its queues and messages in {@code dataDir/sqs}, so both survive a
   * restart, even a kill. A dynalite that dies is started again, and its tables created again if it is in memory.
   * With {@code streams}, clients reach dynalite through {@link DynamoStreamProxy}, which makes the tables' streams.
   */
  public static LocalAws start(Template template, Path dataDir, boolean streams) {
    Dynalite dynalite = Dynalite.start(ProjectRoot.find(), dataDir == null ? null : dataDir.resolve("dynamodb"));
    ElasticMq elasticMq;
    try {
      elasticMq = ElasticMq.start(dataDir == null ? null : dataDir.resolve("sqs"));
    } catch (RuntimeException e) {
      dynalite.close();
      throw e;
    }
    DynamoStreamProxy proxy = streams ? DynamoStreamProxy.start(dynalite.endpoint(), streamedTables(template)) : null;
    LocalAws aws = new LocalAws(template, new Endpoints() {
      public URI dynamo() {
        return dynalite.endpoint();
      }

      public URI sqs() {
        return elasticMq.endpoint();
      }

      public boolean dynamoAvailable() {
        return dynalite.available();
      }

      public void close() {
        elasticMq.close();
        dynalite.close();
      }
    }, proxy);
    aws.dynalite = dynalite;
    dynalite.onRestart(aws::createTables);
    return aws;
  }

  /** The tables with a StreamSpecification: key attribute names and view type, by table name. */
  private static Map<String, Map.Entry<List<String>, String>> streamedTables(Template template) {
    Map<String, Map.Entry<List<String>, String>> streamed = new LinkedHashMap<>();
    template.resources("AWS::DynamoDB::Table").forEach((logicalId, table) -> {
      JsonNode spec = table.path("Properties").path("StreamSpecification");
      if (!spec.isMissingNode()) {
        List<String> keys = new ArrayList<>();
        table.path("Properties").path("KeySchema").forEach(k -> keys.add(k.path("AttributeName").asText()));
        streamed.put(logicalId, Map.entry(keys, spec.path("StreamViewType").asText("NEW_AND_OLD_IMAGES")));
      }
    });
    return streamed;
  }

  /**
   * The stream of a table with a StreamSpecification: dynalite has none, so the local stack makes it
   * ({@link DynamoStreamProxy}); absent without it (the shared test stack, LocalStack).
   */
  public DynamoStreamProxy streams() {
    if (streams == null) {
      throw new IllegalStateException("This backend's streams are not emulated by the local stack");
    }
    return streams;
  }

  /** Where clients reach DynamoDB: through the stream proxy when there is one. */
  private URI dynamoEndpoint() {
    return streams != null ? streams.endpoint() : endpoints.dynamo();
  }

  /**
   * An in-memory stack on the backend that TICKETHUB_TEST_BACKEND names: {@code dynalite} (with ElasticMQ, the
   * default), {@code moto} (moto_server, a second and independent emulator) or {@code localstack} (needs a Docker
   * engine); with {@code streams}, clients reach it through the stream emulation of {@link DynamoStreamProxy}.
   */
  public static LocalAws inMemory(Template template, boolean streams) {
    String backend = System.getenv().getOrDefault("TICKETHUB_TEST_BACKEND", "dynalite");
    Endpoints endpoints = switch (backend) {
      case "dynalite" -> null;
      case "moto" -> MotoServer.start();
      case "localstack" -> LocalStackEndpoints.start();
      default -> throw new IllegalStateException(
          "TICKETHUB_TEST_BACKEND=" + backend + " is none of dynalite, moto, localstack");
    };
    if (endpoints == null) {
      return start(template, null, streams);
    }
    try {
      return new LocalAws(template, endpoints,
          streams ? DynamoStreamProxy.start(endpoints.dynamo(), streamedTables(template)) : null);
    } catch (RuntimeException e) {
      endpoints.close();
      throw e;
    }
  }

  /** One in-memory stack per JVM for the tests, started on first use and stopped when the JVM exits. */
  public static synchronized LocalAws shared() {
    if (shared == null) {
      shared = inMemory(Template.ofProject(), false);
      shared.putSecret("StripeSecret", LocalStripe.secretString(LocalStripe.DEFAULT_WEBHOOK_SECRET));
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "local-aws-stop"));
    }
    return shared;
  }

  public Template template() {
    return template;
  }

  public DynamoDbClient dynamo() {
    return dynamo;
  }

  public SqsClient sqs() {
    return sqs;
  }

  /** False while the DynamoDB stand-in is down: dynalite died and is being started again. */
  public boolean dynamoAvailable() {
    return endpoints.dynamoAvailable();
  }

  /** The dynalite child process, when this stack runs one (for the tests that kill it). */
  public Optional<Dynalite> dynalite() {
    return Optional.ofNullable(dynalite);
  }

  public String tableName(String logicalId) {
    return logicalId;
  }

  public String queueUrl(String logicalId) {
    return require(queueUrls, logicalId);
  }

  /** What the SDK needs to talk to the stand-ins, in the variable names the AWS SDKs read. */
  public Map<String, String> awsEnvironment() {
    return Map.of(
        "AWS_REGION", REGION,
        "AWS_ACCESS_KEY_ID", "local",
        "AWS_SECRET_ACCESS_KEY", "local",
        "AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint().toString(),
        "AWS_ENDPOINT_URL_SQS", endpoints.sqs().toString(),
        "AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsManager.endpoint().toString(),
        "AWS_EC2_METADATA_DISABLED", "true");
  }

  /**
   * Puts a value into the template's secret {@code logicalId}, as an operator fills a deployed stack's
   * secrets once (the Stripe keys, the ticket key ring).
   */
  public void putSecret(String logicalId, String secretString) {
    String name = secretNames.get(logicalId);
    if (name == null) {
      throw new IllegalArgumentException("No AWS::SecretsManager::Secret " + logicalId + " in the template");
    }
    secretsManager.put(name, secretString);
  }

  public boolean hasSecret(String logicalId) {
    return secretNames.containsKey(logicalId);
  }

  /** The local Stripe API that stripe-java is pointed at. */
  public LocalStripe stripe() {
    return stripe;
  }

  /**
   * The environment of a function as SAM would set it: the Globals' variables, then the function's own,
   * with Ref/GetAtt/Sub resolved to the local resources, plus {@link #awsEnvironment()}.
   * {@code parameters} overrides template parameter defaults.
   */
  public Map<String, String> functionEnvironment(String functionLogicalId, Map<String, String> parameters) {
    JsonNode function = template.root().path("Resources").path(functionLogicalId);
    if (function.isMissingNode()) {
      throw new IllegalArgumentException("No function " + functionLogicalId + " in " + template.file());
    }
    Map<String, String> env = new HashMap<>();
    List<JsonNode> sources = List.of(
        template.globalFunctionProperties().path("Environment").path("Variables"),
        function.path("Properties").path("Environment").path("Variables"));
    for (JsonNode variables : sources) {
      variables.fields().forEachRemaining(e -> env.put(e.getKey(), resolve(e.getValue(), parameters)));
    }
    env.putAll(awsEnvironment());
    // A function that declares where Stripe's API is finds the local Stripe there instead, as an env-vars
    // override of `sam local` would point it.
    env.computeIfPresent("STRIPE_API_BASE", (name, stripeApi) -> stripe.apiBase().toString());
    return env;
  }

  /** Resolves the intrinsic functions a function's environment may use to local values. */
  public String resolve(JsonNode value, Map<String, String> parameters) {
    if (value.isValueNode()) {
      return value.asText();
    }
    if (value.has("Ref")) {
      return ref(value.get("Ref").asText(), parameters);
    }
    if (value.has("Fn::GetAtt")) {
      JsonNode args = value.get("Fn::GetAtt");
      return getAtt(args.get(0).asText(), args.get(1).asText());
    }
    if (value.has("Fn::Sub")) {
      Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(value.get("Fn::Sub").asText());
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String name = m.group(1);
        String replacement = name.contains(".") ? getAtt(name.substring(0, name.indexOf('.')),
            name.substring(name.indexOf('.') + 1)) : ref(name, parameters);
        m.appendReplacement(out, Matcher.quoteReplacement(replacement));
      }
      m.appendTail(out);
      return out.toString();
    }
    throw new IllegalArgumentException("The local stack cannot resolve " + value);
  }

  private String ref(String name, Map<String, String> parameters) {
    switch (name) {
      case "AWS::Region":
        return REGION;
      case "AWS::AccountId":
        return ACCOUNT;
      case "AWS::StackName":
        return "tickethub-local";
      default:
        break;
    }
    if (parameters.containsKey(name)) {
      return parameters.get(name);
    }
    if (template.root().path("Parameters").has(name)) {
      return template.parameterDefault(name).asText();
    }
    String type = template.root().path("Resources").path(name).path("Type").asText();
    switch (type) {
      case "AWS::DynamoDB::Table":
        return tableName(name);
      case "AWS::SQS::Queue":
        return queueUrl(name);
      case "AWS::ApiGatewayV2::Api":
        // The local server serves the WebSocket API itself and gives the functions its own URL instead.
        return "local";
      case "AWS::SecretsManager::Secret":
        return LocalSecretsManager.arn(secretNames.get(name));
      default:
        throw new IllegalArgumentException("The local stack cannot resolve !Ref " + name);
    }
  }

  private String getAtt(String logicalId, String attribute) {
    switch (attribute) {
      case "Arn":
        return queueArns.containsKey(logicalId) ? queueArns.get(logicalId)
            : "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + tableName(logicalId);
      case "QueueUrl":
        return queueUrl(logicalId);
      case "StreamArn":
        return streams().streamArn(tableName(logicalId));
      case "QueueName":
        require(queueUrls, logicalId);
        return logicalId;
      default:
        throw new IllegalArgumentException("The local stack cannot resolve !GetAtt " + logicalId + "." + attribute);
    }
  }

  private void createTables() {
    template.resources("AWS::DynamoDB::Table").forEach((logicalId, table) -> {
      JsonNode p = table.path("Properties");
      List<AttributeDefinition> attributes = new ArrayList<>();
      p.path("AttributeDefinitions").forEach(a -> attributes.add(AttributeDefinition.builder()
          .attributeName(a.path("AttributeName").asText()).attributeType(a.path("AttributeType").asText()).build()));
      List<GlobalSecondaryIndex> indexes = new ArrayList<>();
      p.path("GlobalSecondaryIndexes").forEach(i -> indexes.add(GlobalSecondaryIndex.builder()
          .indexName(i.path("IndexName").asText()).keySchema(keySchema(i.path("KeySchema")))
          .projection(Projection.builder().projectionType(i.path("Projection").path("ProjectionType").asText()).build())
          .build()));
      try {
        dynamo.createTable(b -> {
          b.tableName(tableName(logicalId)).billingMode(BillingMode.PAY_PER_REQUEST)
              .attributeDefinitions(attributes).keySchema(keySchema(p.path("KeySchema")));
          if (!indexes.isEmpty()) {
            b.globalSecondaryIndexes(indexes);
          }
        });
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(tableName(logicalId)));
      } catch (ResourceInUseException alreadyThere) {
        // a data folder from an earlier run already has it
      }
    });
  }

  /** The template's secrets with their template values, named as CloudFormation would (Name, else the logical id). */
  private void createSecrets() {
    template.resources("AWS::SecretsManager::Secret").forEach((logicalId, secret) -> {
      JsonNode name = secret.path("Properties").path("Name");
      secretNames.put(logicalId, name.isMissingNode() ? logicalId : resolve(name, Map.of()));
      secretsManager.put(secretNames.get(logicalId), secret.path("Properties").path("SecretString").asText(""));
    });
  }

  private static List<KeySchemaElement> keySchema(JsonNode keys) {
    List<KeySchemaElement> schema = new ArrayList<>();
    keys.forEach(k -> schema.add(KeySchemaElement.builder()
        .attributeName(k.path("AttributeName").asText()).keyType(k.path("KeyType").asText()).build()));
    return schema;
  }

  private void createQueues() {
    Map<String, JsonNode> queues = template.resources("AWS::SQS::Queue");
    queues.forEach((logicalId, queue) -> {
      Map<QueueAttributeName, String> attributes = new HashMap<>();
      JsonNode p = queue.path("Properties");
      if (p.has("VisibilityTimeout")) {
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, p.get("VisibilityTimeout").asText());
      }
      if (p.has("DelaySeconds")) {
        attributes.put(QueueAttributeName.DELAY_SECONDS, p.get("DelaySeconds").asText());
      }
      String url = sqs.createQueue(b -> b.queueName(logicalId).attributes(attributes)).queueUrl();
      queueUrls.put(logicalId, url);
      queueArns.put(logicalId, sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
          .attributes().get(QueueAttributeName.QUEUE_ARN));
    });
    // Redrive needs the dead-letter queue's ARN, so it is set once every queue exists.
    queues.forEach((logicalId, queue) -> {
      JsonNode redrive = queue.path("Properties").path("RedrivePolicy");
      if (!redrive.isMissingNode()) {
        String policy = "{\"deadLetterTargetArn\":\"" + resolve(redrive.path("deadLetterTargetArn"), Map.of())
            + "\",\"maxReceiveCount\":" + redrive.path("maxReceiveCount").asInt() + "}";
        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl(logicalId))
            .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, policy)));
      }
    });
  }

  private static String require(Map<String, String> map, String key) {
    String value = map.get(key);
    if (value == null) {
      throw new IllegalArgumentException("No queue " + key + " in the template");
    }
    return value;
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
  }

  @Override
  public void close() {
    dynamo.close();
    sqs.close();
    if (streams != null) {
      streams.close();
    }
    stripe.close();
    secretsManager.close();
    endpoints.close();
  }
}
