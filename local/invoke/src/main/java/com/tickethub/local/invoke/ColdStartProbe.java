package com.tickethub.local.invoke;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Cold start of one function in this fresh JVM, for {@code bench coldstart} (there is no SnapStart here, and the
 * JDK has no CRaC: the priming runs in-process, where Lambda would run it before its snapshot, and is timed apart).
 * Prints one JSON line: {@code initMs} (JVM start to the handler built, as Lambda's init), {@code primeMs} (the
 * {@code Priming} steps (shared-lib); 0 without {@code --prime}), then each invocation's milliseconds on the sample event.
 *
 * <p>{@code ColdStartProbe <handler class> <event file>[:<event file>...] <invocations> [--prime]} (invocation i gets
 * event file i modulo their number), or {@code ColdStartProbe
 * --baseline}: the smallest useful Java function, a JVM that builds one DynamoDB client (same HTTP client, region
 * and credentials chain) and answers one GetItem: {@code initMs} to the client built, then the GetItem.
 */
public final class ColdStartProbe {
  private ColdStartProbe() {}

  public static void main(String[] args) throws Exception {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    Map<String, Object> out = new LinkedHashMap<>();
    List<Double> invocations = new ArrayList<>();
    if (args[0].equals("--baseline")) {
      DynamoDbClient client = DynamoDbClient.builder().region(Region.of(System.getenv("AWS_REGION")))
          .credentialsProvider(DefaultCredentialsProvider.builder().build())
          .endpointOverride(URI.create(System.getenv("AWS_ENDPOINT_URL_DYNAMODB")))
          .httpClient(UrlConnectionHttpClient.builder().build()).build();
      out.put("initMs", System.currentTimeMillis() - jvmStart);
      out.put("primeMs", 0);
      long start = System.nanoTime();
      client.getItem(b -> b.tableName(System.getenv("TABLE_NAME")).key(Map.of("pk", AttributeValue.fromS("BASELINE"),
          "sk", AttributeValue.fromS(UUID.randomUUID().toString()))));
      invocations.add((System.nanoTime() - start) / 1e6);
    } else {
      Class<?> type = Class.forName(args[0]);
      @SuppressWarnings("unchecked")
      RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) type.getConstructor().newInstance();
      out.put("initMs", System.currentTimeMillis() - jvmStart);
      long primeStart = System.nanoTime();
      // Priming lives in shared-lib, inside the function's jar beside this runner (local-invoke cannot depend on it).
      int steps = args.length > 3 && args[3].equals("--prime")
          ? (int) Class.forName("com.tickethub.aws.Priming").getMethod("primeNow").invoke(null) : 0;
      out.put("primeMs", (System.nanoTime() - primeStart) / 1e6);
      out.put("primingSteps", steps);
      List<Object> events = new ArrayList<>();
      for (String file : args[1].split(File.pathSeparator)) {
        events.add(LocalInvoke.EVENTS.readValue(Path.of(file).toFile(),
            LocalInvoke.EVENTS.constructType(LocalInvoke.inputType(type))));
      }
      for (int i = 0; i < Integer.parseInt(args[2]); i++) {
        Object event = events.get(i % events.size());
        long start = System.nanoTime();
        Object answer = handler.handleRequest(event, new LocalInvoke.LambdaContext(type.getSimpleName(),
            UUID.randomUUID().toString(), Duration.ofSeconds(20)));
        invocations.add((System.nanoTime() - start) / 1e6);
        if (i == 0) {
          out.put("firstAnswer", answer(answer));
        }
      }
    }
    out.put("invocationsMs", invocations);
    System.out.println(LocalInvoke.EVENTS.writeValueAsString(out));
    System.exit(0);
  }

  /** What the handler answered, in a word: the HTTP status, or how many batch items failed. */
  private static String answer(Object answer) {
    JsonNode json = LocalInvoke.EVENTS.valueToTree(answer);
    if (json.has("statusCode")) {
      return "HTTP " + json.get("statusCode").asInt();
    }
    if (json.has("batchItemFailures")) {
      return json.get("batchItemFailures").size() + " batch failures";
    }
    return "ok";
  }
}
