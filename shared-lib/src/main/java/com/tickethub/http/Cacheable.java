package com.tickethub.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A public GET answer that browsers and a CDN may keep for a second: an ETag from the resource's version,
 * 304 without a body when {@code If-None-Match} names it, and gzip when the client accepts it. API Gateway's HTTP
 * API does not compress, so the function does: the gzip bytes go out base64-encoded with {@code isBase64Encoded}
 * (payload 2.0), which API Gateway (and the local server) decode before sending them on.
 */
public final class Cacheable {
  public static final String CACHE_CONTROL = "public, max-age=1";
  /** Below this, gzip saves too little to be worth it. */
  static final int GZIP_FROM_BYTES = 1024;

  private Cacheable() {}

  /**
   * {@code body} as JSON with {@code ETag: W/"<version>"}. The tag is weak: the gzip and the plain bytes are the
   * same representation, and If-None-Match compares weakly anyway.
   */
  public static ApiResponse json(ApiRequest request, long version, Object body) {
    String etag = "W/\"" + version + "\"";
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("ETag", etag);
    headers.put("Cache-Control", CACHE_CONTROL);
    headers.put("Vary", "Accept-Encoding");
    if (request.header("If-None-Match").map(tags -> matches(tags, etag)).orElse(false)) {
      return new ApiResponse(304, headers, null, false);
    }
    headers.put("Content-Type", "application/json");
    byte[] json = Json.write(body).getBytes(StandardCharsets.UTF_8);
    if (json.length >= GZIP_FROM_BYTES && request.header("Accept-Encoding").map(Cacheable::acceptsGzip).orElse(false)) {
      headers.put("Content-Encoding", "gzip");
      return new ApiResponse(200, headers, Base64.getEncoder().encodeToString(gzip(json)), true);
    }
    return new ApiResponse(200, headers, new String(json, StandardCharsets.UTF_8), false);
  }

  /** RFC 9110 If-None-Match: "*" or a list of tags, compared weakly (W/ ignored). */
  static boolean matches(String ifNoneMatch, String etag) {
    String wanted = opaque(etag);
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.trim();
      if (t.equals("*") || opaque(t).equals(wanted)) {
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
