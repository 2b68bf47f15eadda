package com.tickethub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.testing.Requests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  // Versioned answers (the seat map): a weak tag of the version, gzip when asked.

  /** Big enough to be worth compressing. */
  private static final Map<String, Object> SEAT_MAP = Map.of("state", "F".repeat(5_000), "version", 7);

  @Test
  void answerCarriesAWeakEtagOfTheVersionAndMayBeCachedForASecond() {
    ApiResponse response = Caching.versioned(requestWith(Map.of()), 7, SEAT_MAP);

    assertEquals(200, response.status());
    assertEquals("W/\"7\"", response.headers().get("ETag"));
    assertEquals("public, max-age=1", response.headers().get("Cache-Control"));
    assertEquals("Accept-Encoding", response.headers().get("Vary"));
    assertEquals(Json.write(SEAT_MAP), response.body());
    assertFalse(response.base64Encoded());
  }

  @ParameterizedTest
  @ValueSource(strings = {"W/\"7\"", "\"7\"", "\"3\", W/\"7\"", "*"})
  void ifNoneMatchNamingTheVersionIsNotModifiedWithoutABody(String ifNoneMatch) {
    ApiResponse response = Caching.versioned(requestWith(Map.of("if-none-match", ifNoneMatch)), 7, SEAT_MAP);

    assertEquals(304, response.status());
    assertNull(response.body());
    assertEquals("W/\"7\"", response.headers().get("ETag"));
  }

  @Test
  void ifNoneMatchOfAnOlderVersionGetsTheWholeAnswer() {
    assertEquals(200, Caching.versioned(requestWith(Map.of("if-none-match", "W/\"6\"")), 7, SEAT_MAP).status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "gzip, deflate, br", "br;q=1.0, gzip;q=0.8", "*"})
  void clientThatAcceptsGzipGetsItBase64EncodedForApiGateway(String acceptEncoding) throws IOException {
    ApiResponse response = Caching.versioned(requestWith(Map.of("accept-encoding", acceptEncoding)), 7, SEAT_MAP);

    assertEquals("gzip", response.headers().get("Content-Encoding"));
    assertTrue(response.base64Encoded());
    byte[] gzip = Base64.getDecoder().decode(response.body());
    assertTrue(gzip.length < 200, gzip.length + " bytes");
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      assertEquals(Json.write(SEAT_MAP), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"identity", "deflate, br", "gzip;q=0", "gzip; q=0.000, br"})
  void clientThatDoesNotAcceptGzipGetsPlainJson(String acceptEncoding) {
    ApiResponse response = Caching.versioned(requestWith(Map.of("accept-encoding", acceptEncoding)), 7, SEAT_MAP);

    assertNull(response.headers().get("Content-Encoding"));
    assertEquals(Json.write(SEAT_MAP), response.body());
  }

  @Test
  void smallAnswerIsNotCompressed() {
    ApiResponse response = Caching.versioned(requestWith(Map.of("accept-encoding", "gzip")), 7, List.of(1, 2, 3));

    assertNull(response.headers().get("Content-Encoding"));
    assertEquals("[1,2,3]", response.body());
  }

  private static ApiRequest request(String ifNoneMatch) {
    return new ApiRequest("GET /events/{eventId}", Map.of("eventId", "e1"),
        ifNoneMatch == null ? Map.of() : Map.of("if-none-match", ifNoneMatch), Map.of(), null, Optional.empty(), 1000);
  }

  private static ApiRequest requestWith(Map<String, String> headers) {
    return Requests.request(null, headers, null);
  }
}
