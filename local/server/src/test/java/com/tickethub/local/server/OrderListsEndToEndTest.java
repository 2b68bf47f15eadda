package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /orders and GET /events/{eventId}/orders over HTTP: newest first, paged by opaque cursors bound to the list. */
class OrderListsEndToEndTest {
  private final TestHttp http = TestServer.http();
  private final String organizerSub = "org-lists-" + UUID.randomUUID();
  private final String organizer = http.token(organizerSub, List.of("organizer"));
  private final String buyer = http.token("buyer-lists-" + UUID.randomUUID(), List.of());
  private final String otherBuyer = http.token("buyer-lists-other-" + UUID.randomUUID(), List.of());
  private final JsonNode event = newEvent();
  private final String eventId = event.path("eventId").asText();
  private final String typeId = event.path("ticketTypes").path(0).path("ticketTypeId").asText();

  private JsonNode newEvent() {
    TestHttp.Response created = http.post("/events", organizer, TestHttp.resource("bodies/new-event.json"));
    assertEquals(201, created.status(), created.body());
    return created.json();
  }

  private String buy(String token) {
    String body = "{\"eventId\": \"" + eventId + "\", \"items\": [{\"ticketTypeId\": \"" + typeId
        + "\", \"quantity\": 1}]}";
    TestHttp.Response response = http.send("POST", "/tickets/purchase", token, body,
        Map.of("Idempotency-Key", "lists-" + UUID.randomUUID()));
    assertEquals(201, response.status(), response.body());
    return response.json().path("orderId").asText();
  }

  /** Every order id of a list, page by page, sending each nextCursor back as it came. */
  private List<String> walk(String path, String token, int limit) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      String query = "?limit=" + limit + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      TestHttp.Response page = http.get(path + query, token);
      assertEquals(200, page.status(), page.body());
      assertTrue(page.json().path("orders").size() <= limit);
      page.json().path("orders").forEach(order -> ids.add(order.path("orderId").asText()));
      cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asText();
    } while (cursor != null);
    return ids;
  }

  @Test
  void buyerSeesTheirOwnOrdersNewestFirstAcrossPages() {
    List<String> bought = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      bought.add(0, buy(buyer));
    }
    buy(otherBuyer);

    assertEquals(bought, walk("/orders", buyer, 2));
  }

  @Test
  void organizerSeesEveryOrderOfTheEventNewestFirst() {
    String first = buy(buyer);
    String second = buy(otherBuyer);

    assertEquals(List.of(second, first), walk("/events/" + eventId + "/orders", organizer, 1));
  }

  @Test
  void anotherOrganizerIsForbiddenTheEventsOrders() {
    String stranger = http.token("org-lists-stranger-" + UUID.randomUUID(), List.of("organizer"));

    TestHttp.Response response = http.get("/events/" + eventId + "/orders", stranger);

    assertEquals(403, response.status(), response.body());
  }

  @Test
  void aCursorGivenToAnotherCallerOrListIsInvalidRequest() {
    buy(buyer);
    buy(buyer);
    String cursor = http.get("/orders?limit=1", buyer).json().path("nextCursor").asText();
    String encoded = URLEncoder.encode(cursor, StandardCharsets.UTF_8);

    assertEquals(400, http.get("/orders?cursor=" + encoded, otherBuyer).status());
    assertEquals(400, http.get("/events/" + eventId + "/orders?cursor=" + encoded, organizer).status());
    assertEquals(400, http.get("/orders?cursor=not-a-cursor", buyer).status());
    assertEquals(200, http.get("/orders?cursor=" + encoded, buyer).status());
  }

  @Test
  void aLimitOutside1To100IsInvalidRequestNamingIt() {
    for (String limit : List.of("0", "101", "ten", "-1")) {
      TestHttp.Response response = http.get("/orders?limit=" + limit, buyer);
      assertEquals(400, response.status(), limit);
      assertEquals("invalid_request", response.json().path("code").asText());
      assertTrue(response.json().path("detail").asText().contains("limit"), response.body());
    }
  }
}
