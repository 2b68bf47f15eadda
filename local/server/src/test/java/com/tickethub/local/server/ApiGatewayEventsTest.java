package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The payload 2.0 event built from a local request, and the claims the authorizer hands on. */
class ApiGatewayEventsTest {
  private static final ApiRoute ROUTE = ApiRoute.of("F", "POST", "/events/{eventId}", true, List.of());
  private static final JwtAuthorizer AUTHORIZER = JwtAuthorizer.create(null);

  private static APIGatewayV2HTTPEvent build(String contentType, byte[] body, JwtAuthorizer.Verified jwt) {
    LocalRequest request = new LocalRequest("POST", "/events/e%201", "a=1&a=2&b=x+y",
        Map.of("content-type", List.of(contentType), "cookie", List.of("s=1; t=2"), "user-agent", List.of("test")),
        body, "127.0.0.1");
    RouteTable.Match match = new RouteTable.Match(ROUTE, ROUTE.match("POST", "/events/e%201").orElseThrow());
    return ApiGatewayEvents.build(request, match, jwt, 3000);
  }

  @Test
  void jsonRequestBecomesAVersion2EventWithTextBody() {
    APIGatewayV2HTTPEvent event = build("application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), null);
    assertEquals("2.0", event.getVersion());
    assertEquals("POST /events/{eventId}", event.getRouteKey());
    assertEquals("/events/e%201", event.getRawPath());
    assertEquals("a=1&a=2&b=x+y", event.getRawQueryString());
    assertEquals(Map.of("a", "1,2", "b", "x y"), event.getQueryStringParameters());
    assertEquals(Map.of("eventId", "e 1"), event.getPathParameters());
    assertEquals(List.of("s=1", "t=2"), event.getCookies());
    assertFalse(event.getHeaders().containsKey("cookie"));
    assertEquals("application/json", event.getHeaders().get("content-type"));
    assertEquals("{\"a\":1}", event.getBody());
    assertFalse(event.getIsBase64Encoded());
    assertEquals("POST", event.getRequestContext().getHttp().getMethod());
    assertEquals("127.0.0.1", event.getRequestContext().getHttp().getSourceIp());
    assertTrue(event.getRequestContext().getTimeEpoch() > 0);
    assertNull(event.getRequestContext().getAuthorizer());
  }

  @Test
  void binaryBodyIsBase64Encoded() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
    APIGatewayV2HTTPEvent event = build("image/png", png, null);
    assertTrue(event.getIsBase64Encoded());
    assertEquals(Base64.getEncoder().encodeToString(png), event.getBody());
  }

  @Test
  void arrayClaimsReachTheFunctionAsApiGatewayWritesThem() {
    String token = AUTHORIZER.mint("u1", List.of("organizer", "staff"), Duration.ofMinutes(5));
    JwtAuthorizer.Verified jwt = AUTHORIZER.verify("Bearer " + token).orElseThrow();
    Map<String, String> claims = build("application/json", new byte[0], jwt).getRequestContext().getAuthorizer()
        .getJwt().getClaims();
    assertEquals("u1", claims.get("sub"));
    assertEquals("[organizer staff]", claims.get("cognito:groups"));
    assertEquals(JwtAuthorizer.ISSUER, claims.get("iss"));
    assertTrue(claims.get("exp").matches("\\d+"), claims.get("exp"));
  }

  @Test
  void garbageTokenIsRejected() {
    assertTrue(AUTHORIZER.verify("Bearer not.a.jwt").isEmpty());
    assertTrue(AUTHORIZER.verify(null).isEmpty());
  }
}
