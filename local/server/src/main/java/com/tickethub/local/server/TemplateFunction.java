package com.tickethub.local.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.local.stack.Template;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One AWS::Serverless::Function of the template, with the Globals applied: where its code is, which
 * class handles it, how long it may run, and its events by name.
 */
public record TemplateFunction(String logicalId, String codeUri, String handlerClass, Duration timeout,
    Map<String, JsonNode> events, JsonNode policies) {

  public static List<TemplateFunction> all(Template template) {
    List<TemplateFunction> functions = new ArrayList<>();
    template.resources("AWS::Serverless::Function").forEach((id, resource) -> functions.add(of(template, id, resource)));
    return functions;
  }

  public static TemplateFunction named(Template template, String logicalId) {
    return all(template).stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No AWS::Serverless::Function " + logicalId + " in "
            + template.file()));
  }

  private static TemplateFunction of(Template template, String logicalId, JsonNode resource) {
    JsonNode properties = resource.path("Properties");
    JsonNode globals = template.globalFunctionProperties();
    String handler = properties.path("Handler").asText(globals.path("Handler").asText());
    int timeoutSeconds = properties.path("Timeout").asInt(globals.path("Timeout").asInt(3));
    Map<String, JsonNode> events = new LinkedHashMap<>();
    properties.path("Events").fields().forEachRemaining(e -> events.put(e.getKey(), e.getValue()));
    return new TemplateFunction(logicalId, properties.path("CodeUri").asText(globals.path("CodeUri").asText()),
        handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler,
        Duration.ofSeconds(timeoutSeconds), events, properties.path("Policies"));
  }

  /** The events of one type ({@code HttpApi}, {@code SQS}, {@code Schedule}), by name. */
  public Map<String, JsonNode> events(String type) {
    Map<String, JsonNode> found = new LinkedHashMap<>();
    events.forEach((name, event) -> {
      if (type.equals(event.path("Type").asText())) {
        found.put(name, event.path("Properties"));
      }
    });
    return found;
  }

  /**
   * The deployable jar CodeUri names: the module's shaded jar, built by {@code mvn package} and uploaded
   * as it is by {@code sam deploy} (the functions carry SkipBuild).
   */
  public Path jar(Path root) {
    return root.resolve(codeUri);
  }

  /** The compiled classes of the module, beside its jar in target/, present after {@code mvn compile}. */
  public Path classes(Path root) {
    return jar(root).resolveSibling("classes");
  }

  /** The module's name, which is also its jar's: {@code functions/tickets/target/tickets.jar} is "tickets". */
  public String moduleName() {
    return jar(Path.of("")).getFileName().toString().replaceFirst("\\.jar$", "");
  }
}
