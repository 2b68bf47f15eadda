package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /events and GET /organizer/events through the local server, over real HTTP. */
class EventListsEndToEndTest {
  private static final String NEW_EVENT = TestHttp.resource("bodies/new-event.json");

  private final TestHttp http = TestServer.http();

  @Test
  void organizerPagesThroughTheirOwnEventsWithTheCursor() throws InterruptedException {
    String organizer = http.token("organizer-" + UUID.randomUUID(), List.of("organizer"));
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      created.add(http.post("/events", organizer, NEW_EVENT).json().path("eventId").asText());
    }

    List<String> listed = new ArrayList<>();
    JsonNode page = waitForOwnEvents(organizer, 3);
    String cursor;
    do {
      page.path("events").forEach(e -> listed.add(e.path("eventId").asText()));
      cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
      if (cursor != null) {
        TestHttp.Response next = http.get("/organizer/events?limit=2&cursor=" + encode(cursor), organizer);
        assertEquals(200, next.status(), next.body());
        page = next.json();
      }
    } while (cursor != null);

    assertEquals(created.stream().sorted().toList(), listed.stream().sorted().toList());
  }

  @Test
  void anyoneListsUpcomingEventsWithoutSigningIn() {
    TestHttp.Response list = http.get("/events?limit=5&from=2027-01-01T00:00:00Z", null);

    assertEquals(200, list.status(), list.body());
    assertTrue(list.json().path("events").isArray());
    assertTrue(list.json().has("nextCursor"));
  }

  @Test
  void badLimitFromOrCursorIsInvalidRequestNamingTheParameter() {
    EventsEndToEndTest.assertProblem(http.get("/events?limit=0", null), 400, "invalid_request");
    assertEquals("limit", http.get("/events?limit=101", null).json().path("field").asText());
    assertEquals("from", http.get("/events?from=tomorrow", null).json().path("field").asText());
    assertEquals("cursor", http.get("/events?cursor=forged.cursor", null).json().path("field").asText());
  }

  @Test
  void organizerListNeedsASignedInOrganizer() {
    EventsEndToEndTest.assertGatewayMessage(http.get("/organizer/events", null), 401, "Unauthorized");
    EventsEndToEndTest.assertProblem(http.get("/organizer/events", http.token("u-1", List.of())), 403, "forbidden");
  }

  private JsonNode waitForOwnEvents(String organizer, int count) throws InterruptedException {
    for (int attempt = 0; attempt < 50; attempt++) {
      TestHttp.Response all = http.get("/organizer/events?limit=100", organizer);
      if (all.json().path("events").size() >= count) {
        return http.get("/organizer/events?limit=2", organizer).json();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the organizer's events were not listed within 5 s");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
