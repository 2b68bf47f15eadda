package com.tickethub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.testing.Requests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CacheableTest {
  /** Big enough to be worth compressing. */
  private static final Map<String, Object> BODY = Map.of("state", "F".repeat(5_000), "version", 7);

  @Test
  void answerCarriesAWeakEtagOfTheVersionAndMayBeCachedForASecond() {
    ApiResponse response = Cacheable.json(request(Map.of()), 7, BODY);

    assertEquals(200, response.status());
    assertEquals("W/\"7\"", response.headers().get("ETag"));
    assertEquals("public, max-age=1", response.headers().get("Cache-Control"));
    assertEquals("Accept-Encoding", response.headers().get("Vary"));
    assertEquals(Json.write(BODY), response.body());
    assertFalse(response.base64Encoded());
  }

  @ParameterizedTest
  @ValueSource(strings = {"W/\"7\"", "\"7\"", "\"3\", W/\"7\"", "*"})
  void ifNoneMatchNamingTheVersionIsNotModifiedWithoutABody(String ifNoneMatch) {
    ApiResponse response = Cacheable.json(request(Map.of("if-none-match", ifNoneMatch)), 7, BODY);

    assertEquals(304, response.status());
    assertNull(response.body());
    assertEquals("W/\"7\"", response.headers().get("ETag"));
  }

  @Test
  void ifNoneMatchOfAnOlderVersionGetsTheWholeAnswer() {
    assertEquals(200, Cacheable.json(request(Map.of("if-none-match", "W/\"6\"")), 7, BODY).status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "gzip, deflate, br", "br;q=1.0, gzip;q=0.8", "*"})
  void clientThatAcceptsGzipGetsItBase64EncodedForApiGateway(String acceptEncoding) throws IOException {
    ApiResponse response = Cacheable.json(request(Map.of("accept-encoding", acceptEncoding)), 7, BODY);

    assertEquals("gzip", response.headers().get("Content-Encoding"));
    assertTrue(response.base64Encoded());
    byte[] gzip = Base64.getDecoder().decode(response.body());
    assertTrue(gzip.length < 200, gzip.length + " bytes");
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      assertEquals(Json.write(BODY), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"identity", "deflate, br", "gzip;q=0", "gzip; q=0.000, br"})
  void clientThatDoesNotAcceptGzipGetsPlainJson(String acceptEncoding) {
    ApiResponse response = Cacheable.json(request(Map.of("accept-encoding", acceptEncoding)), 7, BODY);

    assertNull(response.headers().get("Content-Encoding"));
    assertEquals(Json.write(BODY), response.body());
  }

  @Test
  void smallAnswerIsNotCompressed() {
    ApiResponse response = Cacheable.json(request(Map.of("accept-encoding", "gzip")), 7, List.of(1, 2, 3));

    assertNull(response.headers().get("Content-Encoding"));
    assertEquals("[1,2,3]", response.body());
  }

  private static ApiRequest request(Map<String, String> headers) {
    return Requests.request(null, headers, null);
  }
}
