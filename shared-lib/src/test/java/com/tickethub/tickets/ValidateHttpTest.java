package com.tickethub.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tickethub.events.EventView;
import com.tickethub.http.ApiResponse;
import com.tickethub.http.Json;
import com.tickethub.local.stack.ProjectRoot;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The validate route through the HTTP plumbing, from the sample event of {@code events/}: plain JSON for
 * VALID, problem+json with {@code result} for the rest, 400 for bad input and never a 5xx.
 */
class ValidateHttpTest {
  private static final ObjectMapper LENIENT = Json.MAPPER.copy()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final TicketKeyRing KEYS = TicketKeyRing.generate();

  private final TicketFixtures fixtures = new TicketFixtures(Clock.systemUTC());
  private final TicketService service = fixtures.service(KEYS);
  private final EventView event = fixtures.event("org-h", "scanner-h");

  private APIGatewayV2HTTPResponse post(String body) throws Exception {
    APIGatewayV2HTTPEvent request = LENIENT.readValue(
        Files.readString(ProjectRoot.find().resolve("events/validate.json")), APIGatewayV2HTTPEvent.class);
    request.getRequestContext().getAuthorizer().getJwt().getClaims().put("sub", "scanner-h");
    request.setBody(body);
    return fixtures.app.http().handle(request, null,
        r -> ApiResponse.json(200, service.validate(r.caller(), r.body(ValidateRequest.class))));
  }

  private String body(String code) {
    return Json.write(Map.of("code", code, "eventId", event.eventId(), "gate", "North"));
  }

  @Test
  void validScanIsPlainJsonAndTheSecondIsAProblemWithTheFirstCheckIn() throws Exception {
    Ticket ticket = fixtures.ticket(event, "buyer-1");
    String code = new TicketCodes(KEYS).codeFor(ticket);

    APIGatewayV2HTTPResponse first = post(body(code));
    APIGatewayV2HTTPResponse second = post(body(code));

    assertEquals(200, first.getStatusCode());
    assertEquals("application/json", first.getHeaders().get("Content-Type"));
    JsonNode valid = Json.MAPPER.readTree(first.getBody());
    assertEquals("VALID", valid.get("result").asText());
    assertEquals(ticket.ticketTypeId(), valid.get("ticketTypeId").asText());
    assertEquals(409, second.getStatusCode());
    assertEquals("application/problem+json", second.getHeaders().get("Content-Type"));
    JsonNode used = Json.MAPPER.readTree(second.getBody());
    assertEquals("ALREADY_USED", used.get("result").asText());
    assertEquals("already_used", used.get("code").asText());
    assertEquals(valid.get("checkedInAt").asText(), used.get("checkedInAt").asText());
    assertEquals("North", used.get("gate").asText());
  }

  @Test
  void tenKilobyteCodeIsInvalidNotAServerError() throws Exception {
    APIGatewayV2HTTPResponse response = post(body("x".repeat(10 * 1024)));

    assertEquals(422, response.getStatusCode());
    assertEquals("INVALID", Json.MAPPER.readTree(response.getBody()).get("result").asText());
  }

  @Test
  void malformedJsonIsInvalidRequest() throws Exception {
    APIGatewayV2HTTPResponse response = post("{\"code\": \"TH1.x\", \"eventId\": ");

    assertEquals(400, response.getStatusCode());
    assertEquals("invalid_request", Json.MAPPER.readTree(response.getBody()).get("code").asText());
  }

  @Test
  void missingGateIsInvalidRequestNamingTheField() throws Exception {
    APIGatewayV2HTTPResponse response = post(Json.write(Map.of("code", "TH1.x", "eventId", event.eventId())));

    assertEquals(400, response.getStatusCode());
    assertEquals("gate", Json.MAPPER.readTree(response.getBody()).get("field").asText());
  }

  @Test
  void codeOfTheWrongJsonTypeIsInvalidRequest() throws Exception {
    APIGatewayV2HTTPResponse response = post("{\"code\": 42, \"eventId\": \"e\", \"gate\": \"N\"}");

    assertEquals(400, response.getStatusCode());
    assertFalse(response.getBody().contains("Internal"));
  }
}
