package com.tickethub.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Public answers that a CDN may keep for a second, so polling viewers of a big on-sale cost one function
 * call per second per edge instead of one each: an {@code ETag}, {@code Cache-Control: public, max-age=1},
 * and 304 without a body when {@code If-None-Match} names the current tag.
 */
public final class Caching {
  public static final String CACHE_CONTROL = "public, max-age=1";
  /** Below this, gzip saves too little to be worth it. */
  static final int GZIP_FROM_BYTES = 1024;

  private Caching() {}

  /** An answer whose tag is a strong hash of its body (the resource has no version of its own). */
  public static ApiResponse publicForOneSecond(ApiRequest request, ApiResponse response) {
    if (response.status() != 200 || response.body() == null) {
      return response;
    }
    String etag = etag(response.body());
    if (request.header("if-none-match").map(tags -> matches(tags, etag)).orElse(false)) {
      return new ApiResponse(304, Map.of("ETag", etag, "Cache-Control", CACHE_CONTROL), null, false);
    }
    return response.withHeader("ETag", etag).withHeader("Cache-Control", CACHE_CONTROL);
  }

  /**
   * {@code body} as JSON with {@code ETag: W/"<version>"}, gzip when the client accepts it. The tag is weak: the
   * gzip and the plain bytes are the same representation. API Gateway's HTTP API does not compress, so the
   * function does: the gzip bytes go out base64-encoded with {@code isBase64Encoded} (payload 2.0), which API
   * Gateway (and the local server) decode before sending them on.
   */
  public static ApiResponse versioned(ApiRequest request, long version, Object body) {
    String etag = "W/\"" + version + "\"";
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("ETag", etag);
    headers.put("Cache-Control", CACHE_CONTROL);
    headers.put("Vary", "Accept-Encoding");
    if (request.header("if-none-match").map(tags -> matches(tags, etag)).orElse(false)) {
      return new ApiResponse(304, headers, null, false);
    }
    headers.put("Content-Type", "application/json");
    byte[] json = Json.write(body).getBytes(StandardCharsets.UTF_8);
    if (json.length >= GZIP_FROM_BYTES && request.header("accept-encoding").map(Caching::acceptsGzip).orElse(false)) {
      headers.put("Content-Encoding", "gzip");
      return new ApiResponse(200, headers, Base64.getEncoder().encodeToString(gzip(json)), true);
    }
    return new ApiResponse(200, headers, new String(json, StandardCharsets.UTF_8), false);
  }

  static String etag(String body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** If-None-Match: a list of tags compared weakly (RFC 9110 13.1.2: W/ ignored), or {@code *}. */
  static boolean matches(String header, String etag) {
    String wanted = opaque(etag);
    for (String tag : header.split(",")) {
      String candidate = tag.trim();
      if (candidate.equals("*") || opaque(candidate).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  /** True if Accept-Encoding lists gzip (or *) without {@code q=0}. */
  static boolean acceptsGzip(String acceptEncoding) {
    for (String coding : acceptEncoding.split(",")) {
      String[] parts = coding.trim().split(";");
      String name = parts[0].trim().toLowerCase(Locale.ROOT);
      if (name.equals("gzip") || name.equals("*")) {
        boolean refused = false;
        for (int i = 1; i < parts.length; i++) {
          String param = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
          refused |= param.matches("q=0(\\.0{0,3})?");
        }
        if (!refused) {
          return true;
        }
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
