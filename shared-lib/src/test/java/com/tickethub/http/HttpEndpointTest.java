package com.tickethub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.errors.SoldOut;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpEndpointTest {
  private final HttpEndpoint endpoint = new HttpEndpoint();

  @Test
  void domainErrorBecomesProblemJsonWithItsCodeAndExtensions() throws Exception {
    APIGatewayV2HTTPResponse response = endpoint.handle(event("{}", false), null, request -> {
      throw new SoldOut(Map.of("t1", 2L));
    });

    JsonNode body = Json.MAPPER.readTree(response.getBody());
    assertEquals(409, response.getStatusCode());
    assertEquals(Problems.CONTENT_TYPE, response.getHeaders().get("Content-Type"));
    assertEquals("sold_out", body.get("code").asText());
    assertEquals(409, body.get("status").asInt());
    assertEquals(2, body.get("available").get("t1").asInt());
  }

  @Test
  void unexpectedExceptionIsAnOpaque500() throws Exception {
    APIGatewayV2HTTPResponse response = endpoint.handle(event("{}", false), null, request -> {
      throw new IllegalStateException("database password is hunter2");
    });

    assertEquals(500, response.getStatusCode());
    assertEquals("internal_error", Json.MAPPER.readTree(response.getBody()).get("code").asText());
    assertTrue(!response.getBody().contains("hunter2"));
  }

  @Test
  void bodyOver64KiBIsRejectedBeforeTheRouteRuns() throws Exception {
    String big = "{\"name\":\"" + "x".repeat(HttpEndpoint.MAX_BODY_BYTES) + "\"}";

    APIGatewayV2HTTPResponse response = endpoint.handle(event(big, false), null,
        request -> ApiResponse.json(200, request.body()));

    assertEquals(400, response.getStatusCode());
    assertEquals("body", Json.MAPPER.readTree(response.getBody()).get("field").asText());
  }

  @Test
  void base64BodyIsDecodedForTheRoute() {
    String encoded = Base64.getEncoder().encodeToString("{\"a\":1}".getBytes(StandardCharsets.UTF_8));

    APIGatewayV2HTTPResponse response = endpoint.handle(event(encoded, true), null,
        request -> ApiResponse.text(200, "text/plain", request.body()));

    assertEquals("{\"a\":1}", response.getBody());
  }

  @Test
  void routeWithoutVerifiedClaimsIsUnauthorized() throws Exception {
    APIGatewayV2HTTPResponse response = endpoint.handle(event("{}", false), null,
        request -> ApiResponse.json(200, request.caller().sub()));

    assertEquals(401, response.getStatusCode());
    assertEquals("unauthorized", Json.MAPPER.readTree(response.getBody()).get("code").asText());
  }

  @Test
  void pathIdNoResourceCanHaveIsNotFound() throws Exception {
    APIGatewayV2HTTPEvent event = event(null, false);
    event.setPathParameters(Map.of("eventId", "a".repeat(3000)));

    APIGatewayV2HTTPResponse response = endpoint.handle(event, null,
        request -> ApiResponse.json(200, request.pathParameter("eventId")));

    assertEquals(404, response.getStatusCode());
    assertEquals("not_found", Json.MAPPER.readTree(response.getBody()).get("code").asText());
  }

  private static APIGatewayV2HTTPEvent event(String body, boolean base64) {
    return APIGatewayV2HTTPEvent.builder()
        .withRouteKey("POST /test")
        .withBody(body)
        .withIsBase64Encoded(base64)
        .withHeaders(Map.of("Content-Type", "application/json"))
        .build();
  }
}
