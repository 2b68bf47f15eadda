package com.tickethub.local.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.local.stack.Template;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template's WebSocket API (an {@code AWS::ApiGatewayV2::Api} with ProtocolType WEBSOCKET): its routes
 * by route key, each to the function its integration invokes, and how a message picks its route
 * ({@code RouteSelectionExpression: $request.body.action}).
 */
public record WebSocketApi(String logicalId, String stage, String selectionField, Map<String, String> routes) {
  private static final Pattern BODY_FIELD = Pattern.compile("\\$request\\.body\\.([A-Za-z0-9_]+)");
  private static final Pattern NAME = Pattern.compile("\\$\\{([A-Za-z0-9]+)(\\.[A-Za-z]+)?}");

  /** The template's first WebSocket API, if it has one. */
  public static Optional<WebSocketApi> of(Template template, List<TemplateFunction> functions,
      Map<String, String> parameters) {
    Set<String> functionIds = new HashSet<>();
    functions.forEach(f -> functionIds.add(f.logicalId()));
    for (Map.Entry<String, JsonNode> api : template.resources("AWS::ApiGatewayV2::Api").entrySet()) {
      JsonNode properties = api.getValue().path("Properties");
      if (!"WEBSOCKET".equals(properties.path("ProtocolType").asText())) {
        continue;
      }
      Matcher field = BODY_FIELD.matcher(properties.path("RouteSelectionExpression").asText());
      if (!field.matches()) {
        throw new IllegalArgumentException(api.getKey() + ": the local server knows RouteSelectionExpression "
            + "$request.body.<field> only");
      }
      Map<String, String> routes = new LinkedHashMap<>();
      template.resources("AWS::ApiGatewayV2::Route").forEach((id, route) -> {
        JsonNode p = route.path("Properties");
        if (api.getKey().equals(p.path("ApiId").path("Ref").asText())) {
          String integration = references(p.path("Target")).stream().findFirst().orElseThrow(() ->
              new IllegalArgumentException(id + ": no integration in its Target"));
          JsonNode uri = template.root().path("Resources").path(integration).path("Properties").path("IntegrationUri");
          String function = references(uri).stream().filter(functionIds::contains).findFirst().orElseThrow(() ->
              new IllegalArgumentException(integration + ": its IntegrationUri names no function of the template"));
          routes.put(p.path("RouteKey").asText(), function);
        }
      });
      String stage = template.resources("AWS::ApiGatewayV2::Stage").values().stream()
          .map(s -> s.path("Properties")).filter(s -> api.getKey().equals(s.path("ApiId").path("Ref").asText()))
          .map(s -> s.path("StageName")).map(s -> s.has("Ref") ? parameters.getOrDefault(s.get("Ref").asText(),
              template.parameterDefault(s.get("Ref").asText()).asText()) : s.asText())
          .findFirst().orElse("$default");
      return Optional.of(new WebSocketApi(api.getKey(), stage, field.group(1), Map.copyOf(routes)));
    }
    return Optional.empty();
  }

  /** The route of a message: the one its selection field names, else {@code $default}, else none. */
  public Optional<String> routeOf(JsonNode message) {
    JsonNode value = message == null ? null : message.path(selectionField);
    if (value != null && value.isTextual() && routes.containsKey(value.asText()) && !value.asText().startsWith("$")) {
      return Optional.of(value.asText());
    }
    return routes.containsKey("$default") ? Optional.of("$default") : Optional.empty();
  }

  /** The logical ids a template value names through Ref, GetAtt or Sub ({@code X.Alias} names X). */
  private static Set<String> references(JsonNode node) {
    Set<String> ids = new java.util.LinkedHashSet<>();
    if (node.isTextual()) {
      Matcher m = NAME.matcher(node.asText());
      while (m.find()) {
        ids.add(m.group(1));
      }
    }
    if (node.has("Ref")) {
      ids.add(node.get("Ref").asText().split("\\.")[0]);
    }
    if (node.has("Fn::GetAtt")) {
      ids.add(node.get("Fn::GetAtt").path(0).asText());
    }
    node.forEach(child -> ids.addAll(references(child)));
    return ids;
  }
}
