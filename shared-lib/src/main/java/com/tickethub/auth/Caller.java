package com.tickethub.auth;

import com.tickethub.errors.Forbidden;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The verified identity behind a request: the JWT's {@code sub} and its {@code cognito:groups}. */
public record Caller(String sub, Set<String> groups) {

  public Caller {
    groups = Set.copyOf(groups);
  }

  /**
   * From the claims the HTTP API's JWT authorizer passed on. API Gateway hands an array claim over as one
   * string such as {@code [organizer staff]}; a JSON array text or a single group is read too.
   */
  public static Optional<Caller> fromClaims(Map<String, String> claims) {
    if (claims == null) {
      return Optional.empty();
    }
    String sub = claims.get("sub");
    if (sub == null || sub.isBlank()) {
      return Optional.empty();
    }
    String raw = claims.getOrDefault("cognito:groups", "");
    Set<String> groups = Arrays.stream(raw.replaceAll("[\\[\\]\"]", " ").split("[\\s,]+"))
        .filter(g -> !g.isBlank())
        .collect(Collectors.toUnmodifiableSet());
    return Optional.of(new Caller(sub, groups));
  }

  public boolean has(Role role) {
    return groups.contains(role.group());
  }

  /** This caller, if it has the role; 403 otherwise. */
  public Caller require(Role role) {
    if (!has(role)) {
      throw new Forbidden("This needs the " + role.group() + " role");
    }
    return this;
  }
}
