package com.tickethub.local.server;

import com.tickethub.http.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The routes only the local server has ({@code /_local/...}), beside the template's: a small registry
 * by method and path, filled in {@link LocalServer}. A local route answers with the same
 * {@link ApiResponse} the functions use; a {@code DomainException} it throws becomes problem+json.
 */
public final class LocalRoutes {
  /** One local-only route. */
  @FunctionalInterface
  public interface Route {
    ApiResponse handle(LocalRequest request) throws Exception;
  }

  private final Map<String, Route> routes = new LinkedHashMap<>();

  public LocalRoutes add(String method, String path, Route route) {
    if (routes.putIfAbsent(method + " " + path, route) != null) {
      throw new IllegalArgumentException("Local route " + method + " " + path + " is already registered");
    }
    return this;
  }

  public Optional<Route> find(String method, String path) {
    return Optional.ofNullable(routes.get(method + " " + path));
  }

  public boolean hasPath(String path) {
    return routes.keySet().stream().anyMatch(key -> key.endsWith(" " + path));
  }
}
