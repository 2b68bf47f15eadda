package com.tickethub.local.server;

import com.tickethub.http.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /_local/health}: 200 when DynamoDB and SQS answer and every function was built, 503 otherwise. */
final class Health {
  private final LocalServices services;

  Health(LocalServices services) {
    this.services = services;
  }

  ApiResponse handle(LocalRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    boolean dynamo = services.aws().dynamoAvailable() && reachable(() -> services.aws().dynamo().listTables(b -> b.limit(1)));
    boolean sqs = reachable(() -> services.aws().sqs().listQueues());
    Map<String, String> failures = services.functions().failures();
    Map<String, String> functions = new LinkedHashMap<>();
    services.functions().names().forEach(name -> functions.put(name, failures.getOrDefault(name, "ready")));
    boolean ok = dynamo && sqs && failures.isEmpty();
    body.put("status", ok ? "ok" : "unavailable");
    body.put("dynamodb", dynamo ? "ok" : "unreachable");
    body.put("sqs", sqs ? "ok" : "unreachable");
    body.put("dynamodbEndpoint", services.aws().awsEnvironment().get("AWS_ENDPOINT_URL_DYNAMODB"));
    body.put("functions", functions);
    return ApiResponse.json(ok ? 200 : 503, body);
  }

  private static boolean reachable(Runnable call) {
    try {
      call.run();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
