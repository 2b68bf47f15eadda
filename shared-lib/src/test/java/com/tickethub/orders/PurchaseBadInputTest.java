package com.tickethub.orders;

import static com.tickethub.orders.PurchaseFixture.key;
import static com.tickethub.testing.Requests.buyer;
import static com.tickethub.testing.Requests.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.auth.Caller;
import com.tickethub.events.EventView;
import com.tickethub.http.HttpEndpoint;
import com.tickethub.http.Json;
import com.tickethub.http.Problems;
import com.tickethub.inventory.TypeCounts;
import com.tickethub.testing.MutableClock;
import com.tickethub.testing.PurchaseTestComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a purchase request can be wrong: a 4xx problem+json through the handler, and nothing written. */
class PurchaseBadInputTest {
  private static final Caller BUYER = buyer("u-bad");

  private final PurchaseTestComponent app =
      PurchaseTestComponent.create(new MutableClock(Instant.parse("2027-01-01T00:00:00Z")));
  private final PurchaseFixture fixture = new PurchaseFixture(app);
  private final EventView event = fixture.event("small-event.json");
  private final String typeId = PurchaseFixture.typeId(event, "Standard");
  private final String good = Json.write(PurchaseFixture.request(event, "Standard", 1));

  static Stream<Arguments> badBodies() {
    List<Arguments> cases = new ArrayList<>();
    Json.read(resource("orders/bad-purchase-bodies.json"), JsonNode.class).forEach(c -> cases.add(Arguments.of(
        c.get("case").asText(), c.get("body").isNull() ? null : c.get("body").asText(), c.get("status").asInt(),
        c.has("field") ? c.get("field").asText() : null, c.has("code") ? c.get("code").asText() : "invalid_request")));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void badBodyIsRefusedAndWritesNothing(String name, String template, int status, String field, String code) {
    String key = key();
    String body = template == null ? null
        : template.replace("${eventId}", event.eventId()).replace("${typeId}", typeId);

    assertRefused(fixture.post(BUYER, key, body), status, code, field);
    assertNothingWritten(key);
  }

  @Test
  void tooManyItemsAreRefused() {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < PurchaseRequest.MAX_ITEMS + 1; i++) {
      items.append(i == 0 ? "" : ",").append("{\"ticketTypeId\": \"t").append(i).append("\", \"quantity\": 1}");
    }
    String key = key();

    assertRefused(fixture.post(BUYER, key, "{\"eventId\": \"" + event.eventId() + "\", \"items\": [" + items + "]}"),
        400, "invalid_request", "items");
    assertNothingWritten(key);
  }

  @Test
  void oversizedBodyIsRefused() {
    String key = key();
    String padding = " ".repeat(HttpEndpoint.MAX_BODY_BYTES);

    assertRefused(fixture.post(BUYER, key, good.replace("{", "{" + padding)), 400, "invalid_request", "body");
    assertNothingWritten(key);
  }

  @Test
  void missingIdempotencyKeyIsRefused() {
    assertRefused(fixture.post(BUYER, null, good), 400, "invalid_request", "Idempotency-Key");
    assertNothingWritten(null);
  }

  @Test
  void invalidIdempotencyKeysAreRefused() {
    for (String key : List.of("", "has space", "x".repeat(129), "caf\u00e9")) {
      assertRefused(fixture.post(BUYER, key, good), 400, "invalid_request", "Idempotency-Key");
    }
    assertNothingWritten(null);
  }

  @Test
  void missingTokenIsUnauthorized() {
    String key = key();

    assertRefused(fixture.post(null, key, good), 401, "unauthorized", null);
    assertNothingWritten(null);
  }

  private static void assertRefused(APIGatewayV2HTTPResponse response, int status, String code, String field) {
    assertEquals(status, response.getStatusCode(), response.getBody());
    assertEquals(Problems.CONTENT_TYPE, response.getHeaders().get("Content-Type"));
    JsonNode problem = Json.read(response.getBody(), JsonNode.class);
    assertEquals(code, problem.get("code").asText());
    assertEquals(status, problem.get("status").asInt());
    if (field != null) {
      assertEquals(field, problem.get("field").asText(), problem.toString());
    }
  }

  private void assertNothingWritten(String key) {
    for (String type : List.of("Standard", "Guest list")) {
      TypeCounts counts = fixture.counts(event, type);
      assertEquals(0, counts.held() + counts.sold(), type);
    }
    assertTrue(fixture.otherItems(event).isEmpty(), "no buyer counter");
    fixture.shards(event).forEach(shard -> assertTrue(shard.get("holds").m().isEmpty(), "no hold"));
    if (key != null) {
      assertTrue(app.idempotencyStore().find("purchase#" + BUYER.sub() + "#" + key).isEmpty(), "no idempotency record");
    }
  }
}
