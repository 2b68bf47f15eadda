package com.tickethub.local.server;

import com.tickethub.http.ApiResponse;
import com.tickethub.http.Validation;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /_local/token {"sub": "u1", "groups": ["organizer"]}}: a token the local authorizer
 * accepts for 12 hours, with the claims a Cognito ID token carries ({@code sub}, {@code cognito:groups}).
 */
final class TokenRoute {
  private final JwtAuthorizer authorizer;

  /** The body of the request. */
  record TokenRequest(String sub, List<String> groups) {
    TokenRequest {
      sub = Validation.text("sub", sub, 128);
      groups = groups == null ? List.of() : Validation.subs("groups", groups, 20);
    }
  }

  TokenRoute(JwtAuthorizer authorizer) {
    this.authorizer = authorizer;
  }

  ApiResponse handle(LocalRequest request) {
    TokenRequest token = request.json(TokenRequest.class);
    return ApiResponse.json(200, Map.of("token", authorizer.mint(token.sub(), token.groups(), JwtAuthorizer.TOKEN_LIFETIME)));
  }
}
