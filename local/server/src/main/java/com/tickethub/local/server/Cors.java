package com.tickethub.local.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.tickethub.local.stack.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HttpApi's CorsConfiguration as API Gateway applies it: it answers CORS preflight requests itself,
 * without calling a function, and adds the CORS headers to the response of every request with an
 * allowed Origin.
 */
final class Cors {
  private final List<String> origins;
  private final List<String> methods;
  private final List<String> headers;
  private final List<String> exposeHeaders;
  private final String maxAge;
  private final boolean credentials;

  private Cors(JsonNode config) {
    origins = strings(config.path("AllowOrigins"));
    methods = strings(config.path("AllowMethods"));
    headers = strings(config.path("AllowHeaders"));
    exposeHeaders = strings(config.path("ExposeHeaders"));
    maxAge = config.path("MaxAge").asText("");
    credentials = config.path("AllowCredentials").asBoolean(false);
  }

  /** The CORS configuration of the template's first HTTP API that has one (none allows no origin). */
  static Cors of(Template template) {
    return template.resources("AWS::Serverless::HttpApi").values().stream()
        .map(api -> api.path("Properties").path("CorsConfiguration")).filter(c -> !c.isMissingNode())
        .findFirst().map(Cors::new).orElseGet(() -> new Cors(MissingNode.getInstance()));
  }

  static boolean isPreflight(LocalRequest request) {
    return request.method().equals("OPTIONS") && request.header("origin").isPresent()
        && request.header("access-control-request-method").isPresent();
  }

  /** The headers of API Gateway's own answer to a preflight request. */
  Map<String, String> preflight(LocalRequest request) {
    Map<String, String> answer = new LinkedHashMap<>(response(request));
    if (!answer.isEmpty()) {
      answer.put("Access-Control-Allow-Methods", String.join(",", methods));
      answer.put("Access-Control-Allow-Headers", String.join(",", headers));
      if (!maxAge.isEmpty()) {
        answer.put("Access-Control-Max-Age", maxAge);
      }
    }
    return answer;
  }

  /** The headers added to a response, when the request's Origin is allowed. */
  Map<String, String> response(LocalRequest request) {
    Optional<String> origin = request.header("origin").filter(o -> origins.contains("*") || origins.contains(o));
    Map<String, String> added = new LinkedHashMap<>();
    origin.ifPresent(o -> {
      added.put("Access-Control-Allow-Origin", origins.contains("*") && !credentials ? "*" : o);
      if (credentials) {
        added.put("Access-Control-Allow-Credentials", "true");
      }
      if (!exposeHeaders.isEmpty()) {
        added.put("Access-Control-Expose-Headers", String.join(",", exposeHeaders));
      }
    });
    return added;
  }

  private static List<String> strings(JsonNode list) {
    List<String> values = new ArrayList<>();
    list.forEach(v -> values.add(v.asText()));
    return values;
  }
}
