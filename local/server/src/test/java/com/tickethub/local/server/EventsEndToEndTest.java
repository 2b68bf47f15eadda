package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /events and GET /events/{eventId} through the local server, over real HTTP. */
class EventsEndToEndTest {
  private static final String NEW_EVENT = TestHttp.resource("bodies/new-event.json");

  private final TestHttp http = TestServer.http();

  private String organizer() {
    return http.token("organizer-" + UUID.randomUUID(), List.of("organizer"));
  }

  @Test
  void organizerCreatesAnEventThatAnyoneReadsBack() {
    TestHttp.Response created = http.post("/events", organizer(), NEW_EVENT);
    assertEquals(201, created.status(), created.body());
    JsonNode event = created.json();
    String eventId = event.path("eventId").asText();
    assertFalse(eventId.isEmpty());
    assertEquals(500, event.path("ticketTypes").path(0).path("available").asLong());
    assertFalse(event.path("ticketTypes").path(0).path("ticketTypeId").asText().isEmpty());

    TestHttp.Response read = http.get("/events/" + eventId, null);
    assertEquals(200, read.status(), read.body());
    JsonNode publicView = read.json();
    assertEquals("Spring Gala", publicView.path("name").asText());
    assertEquals(500, publicView.path("ticketTypes").path(0).path("available").asLong());
    assertEquals(40, publicView.path("ticketTypes").path(1).path("available").asLong());
    assertFalse(publicView.has("staff"), "the public view hides the gate staff");
  }

  @Test
  void createWithoutTokenIsApiGatewaysUnauthorized() {
    assertGatewayMessage(http.post("/events", null, NEW_EVENT), 401, "Unauthorized");
  }

  @Test
  void createWithTokenOfAnotherKeyIsUnauthorized() {
    String forged = JwtAuthorizer.create(null).mint("organizer-x", List.of("organizer"), Duration.ofHours(1));
    assertGatewayMessage(http.post("/events", forged, NEW_EVENT), 401, "Unauthorized");
  }

  @Test
  void createWithExpiredTokenIsUnauthorized() {
    String expired = TestServer.get().authorizer().mint("organizer-x", List.of("organizer"), Duration.ofMinutes(-10));
    assertGatewayMessage(http.post("/events", expired, NEW_EVENT), 401, "Unauthorized");
  }

  @Test
  void buyerCannotCreateEvents() {
    String buyer = http.token("buyer-" + UUID.randomUUID(), List.of());
    assertProblem(http.post("/events", buyer, NEW_EVENT), 403, "forbidden");
  }

  @Test
  void badFieldIsInvalidRequestNamingTheField() {
    TestHttp.Response response = http.post("/events", organizer(),
        TestHttp.resource("bodies/new-event-bad-capacity.json"));
    assertProblem(response, 400, "invalid_request");
    assertEquals("ticketTypes[0].capacity", response.json().path("field").asText());
  }

  @Test
  void bodyOver64KiBIsInvalidRequest() {
    String huge = NEW_EVENT.replace("\"Main Hall\"", "\"" + "x".repeat(70 * 1024) + "\"");
    assertProblem(http.post("/events", organizer(), huge), 400, "invalid_request");
  }

  @Test
  void unknownEventIsNotFound() {
    assertProblem(http.get("/events/" + UUID.randomUUID(), null), 404, "not_found");
  }

  @Test
  void unknownRouteIsApiGatewaysNotFound() {
    assertGatewayMessage(http.get("/no/such/route", null), 404, "Not Found");
    assertGatewayMessage(http.send("DELETE", "/events", null, null, Map.of()), 404, "Not Found");
  }

  @Test
  void sameIdempotencyKeyAndBodyReplaysTheFirstResponse() {
    String token = organizer();
    Map<String, String> key = Map.of("Idempotency-Key", "create-" + UUID.randomUUID());
    TestHttp.Response first = http.send("POST", "/events", token, NEW_EVENT, key);
    TestHttp.Response second = http.send("POST", "/events", token, NEW_EVENT, key);
    assertEquals(201, first.status(), first.body());
    assertEquals(201, second.status());
    assertEquals(first.body(), second.body());
  }

  @Test
  void healthIsOkOnceEverythingIsReady() {
    TestHttp.Response health = http.get("/_local/health", null);
    assertEquals(200, health.status(), health.body());
    assertEquals("ok", health.json().path("status").asText());
    assertEquals("ready", health.json().path("functions").path("CreateEventFunction").asText());
  }

  @Test
  void corsPreflightIsAnsweredFromTheTemplateConfiguration() {
    TestHttp.Response preflight = http.send("OPTIONS", "/events", null, null,
        Map.of("Origin", "http://localhost:5173", "Access-Control-Request-Method", "POST"));
    assertEquals(204, preflight.status());
    assertEquals("*", preflight.header("access-control-allow-origin"));
    assertTrue(preflight.header("access-control-allow-headers").contains("Idempotency-Key"));
  }

  @Test
  void retryAfterIsExposedToBrowserScripts() {
    TestHttp.Response answer = http.send("GET", "/events/" + UUID.randomUUID(), null, null,
        Map.of("Origin", "http://localhost:5173"));
    String exposed = answer.header("access-control-expose-headers");
    assertTrue(List.of(exposed.split("\\s*,\\s*")).contains("Retry-After"), "exposed: " + exposed);
  }

  @Test
  void tokenNeedsASub() {
    assertProblem(http.post("/_local/token", null, "{\"groups\": [\"organizer\"]}"), 400, "invalid_request");
  }

  /** API Gateway's own answer: exactly {@code {"message":"..."}} as application/json, not problem+json. */
  static void assertGatewayMessage(TestHttp.Response response, int status, String message) {
    assertEquals(status, response.status(), response.body());
    assertEquals("application/json", response.contentType());
    assertEquals("{\"message\":\"" + message + "\"}", response.body());
  }

  static void assertProblem(TestHttp.Response response, int status, String code) {
    assertEquals(status, response.status(), response.body());
    assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
    assertEquals(code, response.json().path("code").asText(), response.body());
    assertEquals(status, response.json().path("status").asInt());
  }
}
