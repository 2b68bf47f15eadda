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
   * string, its elements joined by a space inside brackets ({@code [organizer staff]}), and a string claim
   * as it is. Cognito group names hold no white space, so that form is read exactly: a group is a whole
   * element, never a piece of one ({@code [x,organizer]} is the one group {@code x,organizer}).
   */
  public static Optional<Caller> fromClaims(Map<String, String> claims) {
    if (claims == null) {
      return Optional.empty();
    }
    String sub = claims.get("sub");
    if (sub == null || sub.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Caller(sub, groups(claims.getOrDefault("cognito:groups", ""))));
  }

  private static Set<String> groups(String claim) {
    if (claim.isEmpty()) {
      return Set.of();
    }
    if (claim.length() >= 2 && claim.startsWith("[") && claim.endsWith("]")) {
      return Arrays.stream(claim.substring(1, claim.length() - 1).split(" "))
          .filter(g -> !g.isEmpty())
          .collect(Collectors.toUnmodifiableSet());
    }
    return Set.of(claim);
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
