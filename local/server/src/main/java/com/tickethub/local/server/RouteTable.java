package com.tickethub.local.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.local.stack.Template;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every HttpApi event of every function of the template, matched the way API Gateway matches routes. */
public final class RouteTable {
  private static final String NO_AUTHORIZER = "NONE";

  private final List<ApiRoute> routes;

  /** A route that serves a request, with the request's path parameters. */
  public record Match(ApiRoute route, Map<String, String> pathParameters) {}

  private RouteTable(List<ApiRoute> routes) {
    this.routes = routes;
  }

  public static RouteTable of(Template template, List<TemplateFunction> functions) {
    List<ApiRoute> routes = new ArrayList<>();
    for (TemplateFunction function : functions) {
      function.events("HttpApi").values().forEach(event -> routes.add(route(template, function, event)));
    }
    routes.sort(Comparator.comparingInt(ApiRoute::specificity).reversed());
    return new RouteTable(List.copyOf(routes));
  }

  private static ApiRoute route(Template template, TemplateFunction function, JsonNode event) {
    String authorizer = event.path("Auth").path("Authorizer").asText(defaultAuthorizer(template, event));
    List<String> scopes = new ArrayList<>();
    event.path("Auth").path("AuthorizationScopes").forEach(s -> scopes.add(s.asText()));
    return ApiRoute.of(function.logicalId(), event.path("Method").asText("ANY"), event.path("Path").asText("/"),
        !authorizer.isEmpty() && !authorizer.equals(NO_AUTHORIZER), scopes);
  }

  /** The DefaultAuthorizer of the event's API; the implicit API (no ApiId) has none. */
  private static String defaultAuthorizer(Template template, JsonNode event) {
    String api = event.path("ApiId").path("Ref").asText();
    return template.root().path("Resources").path(api).path("Properties").path("Auth").path("DefaultAuthorizer").asText();
  }

  public Optional<Match> find(String method, String rawPath) {
    for (ApiRoute route : routes) {
      Optional<Map<String, String>> parameters = route.match(method, rawPath);
      if (parameters.isPresent()) {
        return Optional.of(new Match(route, parameters.get()));
      }
    }
    return Optional.empty();
  }

  public List<ApiRoute> routes() {
    return routes;
  }
}
