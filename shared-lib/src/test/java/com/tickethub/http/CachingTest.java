package com.tickethub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CachingTest {
  private static final ApiResponse EVENT = ApiResponse.json(200, Map.of("eventId", "e1", "available", 5));

  @Test
  void aPublicAnswerCarriesAnEtagAndOneSecondOfCaching() {
    ApiResponse answer = Caching.publicForOneSecond(request(null), EVENT);
    assertEquals(200, answer.status());
    assertEquals("public, max-age=1", answer.headers().get("Cache-Control"));
    assertEquals(Caching.etag(EVENT.body()), answer.headers().get("ETag"));
  }

  @Test
  void theCurrentTagIsNotModifiedWithoutABody() {
    String etag = Caching.etag(EVENT.body());
    ApiResponse answer = Caching.publicForOneSecond(request("\"other\", W/" + etag), EVENT);
    assertEquals(304, answer.status());
    assertNull(answer.body());
    assertEquals(etag, answer.headers().get("ETag"));
  }

  @Test
  void anOldTagGetsTheNewBody() {
    ApiResponse answer = Caching.publicForOneSecond(request("\"stale\""), EVENT);
    assertEquals(200, answer.status());
    assertEquals(EVENT.body(), answer.body());
  }

  @Test
  void anotherBodyHasAnotherTag() {
    assertNotEquals(Caching.etag(EVENT.body()), Caching.etag(ApiResponse.json(200, Map.of("available", 4)).body()));
  }

  @Test
  void anErrorIsNotCached() {
    ApiResponse notFound = ApiResponse.json(404, Map.of("code", "not_found"));
    assertEquals(notFound, Caching.publicForOneSecond(request("*"), notFound));
  }

  private static ApiRequest request(String ifNoneMatch) {
    return new ApiRequest("GET /events/{eventId}", Map.of("eventId", "e1"),
        ifNoneMatch == null ? Map.of() : Map.of("if-none-match", ifNoneMatch), Map.of(), null, Optional.empty(), 1000);
  }
}
