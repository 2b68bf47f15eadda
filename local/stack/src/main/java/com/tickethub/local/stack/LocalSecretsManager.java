package com.tickethub.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for AWS Secrets Manager with the calls this project makes (its JSON 1.1 API, as the AWS SDK
 * speaks it): CreateSecret, GetSecretValue and PutSecretValue, secrets named by name or ARN. In memory: the
 * template's secrets are created at each start and the local server puts their local values in them.
 */
public final class LocalSecretsManager implements AutoCloseable {
  private static final String ARN_PREFIX = "arn:aws:secretsmanager:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT
      + ":secret:";
  private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final LocalHttp http;

  private LocalSecretsManager() {
    this.http = LocalHttp.start("local-secrets-manager", this::handle);
  }

  static LocalSecretsManager start() {
    return new LocalSecretsManager();
  }

  public URI endpoint() {
    return http.endpoint();
  }

  /** The ARN of the secret {@code name}, what {@code !Ref} of the secret gives. */
  public static String arn(String name) {
    return ARN_PREFIX + name;
  }

  /** Creates the secret, or sets its value when it exists. */
  public void put(String nameOrArn, String secretString) {
    secrets.put(name(nameOrArn), secretString);
  }

  private static String name(String nameOrArn) {
    return nameOrArn.startsWith(ARN_PREFIX) ? nameOrArn.substring(ARN_PREFIX.length()) : nameOrArn;
  }

  private LocalHttp.Answer handle(HttpExchange exchange, String body) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    JsonNode request = body.isBlank() ? LocalHttp.JSON.createObjectNode() : LocalHttp.JSON.readTree(body);
    String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
    switch (operation) {
      case "GetSecretValue": {
        String name = name(request.path("SecretId").asText());
        String value = secrets.get(name);
        if (value == null) {
          return error("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        }
        ObjectNode answer = described(name);
        answer.put("SecretString", value);
        answer.putArray("VersionStages").add("AWSCURRENT");
        answer.put("CreatedDate", Instant.now().getEpochSecond());
        return ok(answer);
      }
      case "CreateSecret": {
        String name = request.path("Name").asText();
        if (secrets.putIfAbsent(name, request.path("SecretString").asText("")) != null) {
          return error("ResourceExistsException", "The operation failed because the secret " + name + " already exists.");
        }
        return ok(described(name));
      }
      case "PutSecretValue": {
        String name = name(request.path("SecretId").asText());
        if (secrets.replace(name, request.path("SecretString").asText("")) == null) {
          return error("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        }
        ObjectNode answer = described(name);
        answer.putArray("VersionStages").add("AWSCURRENT");
        return ok(answer);
      }
      default:
        return error("InvalidAction", "The local Secrets Manager does not implement " + target);
    }
  }

  private static ObjectNode described(String name) {
    ObjectNode answer = LocalHttp.JSON.createObjectNode();
    answer.put("ARN", arn(name));
    answer.put("Name", name);
    answer.put("VersionId", UUID.randomUUID().toString());
    return answer;
  }

  private static LocalHttp.Answer ok(JsonNode answer) {
    return new LocalHttp.Answer(200, CONTENT_TYPE, answer.toString());
  }

  private static LocalHttp.Answer error(String type, String message) {
    ObjectNode error = LocalHttp.JSON.createObjectNode().put("__type", type).put("message", message);
    return new LocalHttp.Answer(400, CONTENT_TYPE, error.toString());
  }

  @Override
  public void close() {
    http.close();
  }
}
