package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Seated events over real HTTP through the local server: the arena in one request, its seat map, blocking, and
 * seats bought, paid through the local Stripe and checked in at the gate.
 */
class SeatsEndToEndTest {
  private final TestHttp http = TestServer.http();
  private final String organizer = http.token("organizer-" + UUID.randomUUID(), List.of("organizer"));
  private final String buyer = http.token("buyer-" + UUID.randomUUID(), List.of());
  private final String gateSub = "gate-" + UUID.randomUUID();
  private final String gate = http.token(gateSub, List.of("staff"));

  @Test
  void arenaOfTwentyThousandSeatsIsOneRequestAndItsSeatMapComesGzipped() throws IOException {
    TestHttp.Response created = http.post("/events", organizer, TestHttp.resource("seats/arena-20000.json"));
    assertEquals(201, created.status(), created.body());
    assertEquals(List.of(2000, 750, 8850, 10400), capacities(created.json()));

    TestHttp.Raw map = http.raw("GET", "/events/" + created.json().path("eventId").asText() + "/seats",
        Map.of("Accept-Encoding", "gzip"));

    assertEquals(200, map.status());
    assertEquals("gzip", map.header("content-encoding"));
    assertEquals("public, max-age=1", map.header("cache-control"));
    assertEquals("W/\"0\"", map.header("etag"));
    byte[] json = gunzip(map.body());
    assertTrue(map.body().length < json.length / 5, map.body().length + " bytes gzipped of " + json.length);
    JsonNode seats = TestHttp.JSON.readTree(json);
    assertEquals(16, seats.path("sections").size());
    StringBuilder states = new StringBuilder();
    seats.path("sections").forEach(s -> s.path("rows").forEach(r -> states.append(r.path("state").asText())));
    assertEquals("F".repeat(20_000), states.toString());
  }

  @Test
  void sameVersionIsNotModifiedAndABlockMakesANewOne() {
    String eventId = smallHall();
    String path = "/events/" + eventId + "/seats";
    String etag = http.get(path, null).header("etag");

    TestHttp.Raw unchanged = http.raw("GET", path, Map.of("If-None-Match", etag));
    assertEquals(304, unchanged.status());
    assertEquals(0, unchanged.body().length);

    TestHttp.Response blocked = http.post(path + "/block", organizer, "{\"seats\": [\"A-1-3\", \"B-1-11\"]}");
    assertEquals(200, blocked.status(), blocked.body());
    assertEquals(2, blocked.json().path("version").asLong());
    assertEquals("B", blocked.json().path("seats").path("A-1-3").asText());

    TestHttp.Response after = http.send("GET", path, null, null, Map.of("If-None-Match", etag));
    assertEquals(200, after.status());
    assertEquals("W/\"2\"", after.header("etag"));
    assertEquals("FFBFFFFFFF", after.json().path("sections").path(0).path("rows").path(0).path("state").asText());
  }

  @Test
  void unblockPutsTheSeatsBack() {
    String eventId = smallHall();
    http.post("/events/" + eventId + "/seats/block", organizer, "{\"seats\": [\"A-3-1\"]}");

    TestHttp.Response unblocked = http.post("/events/" + eventId + "/seats/unblock", organizer,
        "{\"seats\": [\"A-3-1\"]}");

    assertEquals(200, unblocked.status(), unblocked.body());
    assertEquals("F", unblocked.json().path("seats").path("A-3-1").asText());
    assertEquals(31, http.get("/events/" + eventId, null).json().path("ticketTypes").path(1).path("available").asLong());
  }

  @Test
  void seatThatDoesNotExistIsInvalidRequestNamingIt() {
    TestHttp.Response response = http.post("/events/" + smallHall() + "/seats/block", organizer,
        "{\"seats\": [\"A-1-1\", \"A-2-5\"]}");

    assertProblem(response, 400, "invalid_request");
    assertEquals("seats[1]", response.json().path("field").asText());
  }

  @Test
  void onlyTheEventsOrganizerBlocks() {
    String path = "/events/" + smallHall() + "/seats/block";
    String body = "{\"seats\": [\"A-1-1\"]}";

    assertProblem(http.post(path, http.token("organizer-other", List.of("organizer")), body), 403, "forbidden");
    assertProblem(http.post(path, http.token("buyer-" + UUID.randomUUID(), List.of()), body), 404, "not_found");
  }

  @Test
  void eventWithoutASeatMapHasNoSeats() {
    TestHttp.Response created = http.post("/events", organizer, TestHttp.resource("bodies/new-event.json"));

    assertProblem(http.get("/events/" + created.json().path("eventId").asText() + "/seats", null), 404, "not_found");
  }

  @Test
  void chosenSeatsArePaidAndTheGateNamesTheSeat() throws Exception {
    String eventId = smallHall(List.of(gateSub));
    JsonNode event = http.get("/events/" + eventId, null).json();
    String stalls = event.path("ticketTypes").path(1).path("ticketTypeId").asText();
    String body = "{\"eventId\": \"" + eventId + "\", \"items\": [{\"ticketTypeId\": \"" + stalls
        + "\", \"seats\": [\"A-1-5\", \"A-1-4\"]}]}";

    TestHttp.Response bought = http.send("POST", "/tickets/purchase", buyer, body, Map.of("Idempotency-Key", key()));
    assertEquals(201, bought.status(), bought.body());
    assertEquals("[\"A-1-4\",\"A-1-5\"]", bought.json().path("items").path(0).path("seats").toString());
    TestHttp.Response taken = http.send("POST", "/tickets/purchase", buyer, body.replace("\"A-1-4\"", "\"A-1-3\""),
        Map.of("Idempotency-Key", key()));
    assertProblem(taken, 409, "seats_unavailable");
    assertEquals("[\"A-1-5\"]", taken.json().path("seats").toString());

    String orderId = bought.json().path("orderId").asText();
    assertEquals(202, http.post("/_local/stripe/pay", null, "{\"orderId\": \"" + orderId + "\"}").status());
    JsonNode order = awaitPaid(orderId);
    JsonNode ticket = order.path("tickets").path(0);
    assertEquals("A-1-4", ticket.path("seat").path("id").asText());
    assertEquals(4, ticket.path("seat").path("number").asInt());
    assertEquals("FFFSSFFFFF", http.get("/events/" + eventId + "/seats", null).json()
        .path("sections").path(0).path("rows").path(0).path("state").asText());

    String code = http.get("/tickets/" + ticket.path("ticketId").asText(), buyer).json().path("code").asText();
    String scan = "{\"code\": \"" + code + "\", \"eventId\": \"" + eventId + "\", \"gate\": \"North\"}";
    TestHttp.Response valid = http.post("/tickets/validate", gate, scan);
    assertEquals(200, valid.status(), valid.body());
    assertEquals("A-1-4", valid.json().path("seat").path("id").asText());
    TestHttp.Response again = http.post("/tickets/validate", gate, scan);
    assertEquals(409, again.status(), again.body());
    assertEquals("ALREADY_USED", again.json().path("result").asText());
    assertEquals("A", again.json().path("seat").path("section").asText());
  }

  @Test
  void bestAvailableOverHttpGetsTheSeatsNearestTheStage() {
    String eventId = smallHall(List.of());
    String balcony = http.get("/events/" + eventId, null).json().path("ticketTypes").path(2).path("ticketTypeId")
        .asText();

    TestHttp.Response bought = http.send("POST", "/tickets/purchase", buyer, "{\"eventId\": \"" + eventId
        + "\", \"items\": [{\"ticketTypeId\": \"" + balcony + "\", \"quantity\": 3}]}", Map.of("Idempotency-Key", key()));

    assertEquals(201, bought.status(), bought.body());
    assertEquals("[\"B-1-5\",\"B-1-6\",\"B-1-7\"]", bought.json().path("items").path(0).path("seats").toString());
  }

  private JsonNode awaitPaid(String orderId) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      JsonNode order = http.get("/orders/" + orderId, buyer).json();
      if (order.path("status").asText().equals("PAID")) {
        return order;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("order " + orderId + " was not paid in 30 s");
  }

  private static String key() {
    return "seats-" + UUID.randomUUID();
  }

  private String smallHall(List<String> staff) {
    String body = TestHttp.resource("seats/small-hall.json").replaceFirst("\\{", "{\"staff\": "
        + TestHttp.JSON.valueToTree(staff) + ", ");
    TestHttp.Response created = http.post("/events", organizer, body);
    assertEquals(201, created.status(), created.body());
    return created.json().path("eventId").asText();
  }

  private String smallHall() {
    TestHttp.Response created = http.post("/events", organizer, TestHttp.resource("seats/small-hall.json"));
    assertEquals(201, created.status(), created.body());
    return created.json().path("eventId").asText();
  }

  private static List<Integer> capacities(JsonNode event) {
    List<Integer> capacities = new java.util.ArrayList<>();
    event.path("ticketTypes").forEach(t -> capacities.add(t.path("capacity").asInt()));
    return capacities;
  }

  private static byte[] gunzip(byte[] gzip) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertProblem(TestHttp.Response response, int status, String code) {
    assertEquals(status, response.status(), response.body());
    assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
    assertEquals(code, response.json().path("code").asText(), response.body());
    assertFalse(response.json().path("detail").asText().isEmpty());
  }
}
