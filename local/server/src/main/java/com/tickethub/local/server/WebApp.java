package com.tickethub.local.server;

import com.tickethub.http.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The web app on the local server, as CloudFront serves it in AWS: the built files of {@code web/dist} at
 * {@code /} and {@code /config.json} for this server (same origin for the API, the local sign-in and the local
 * pay button). Only files that exist in the folder are served; every other path goes on to the API routes.
 */
final class WebApp {
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
      "json", "application/json", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon",
      "txt", "text/plain; charset=utf-8", "woff2", "font/woff2");

  private final Path dist;
  private final Map<String, Object> config;

  WebApp(Path dist, Map<String, Object> config) {
    this.dist = dist.toAbsolutePath().normalize();
    this.config = config;
  }

  /** The local server's app: web/dist of the project, the API on the same origin, live updates polled or on /live. */
  static WebApp of(Path projectRoot, String wsUrl) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("apiUrl", "");
    config.put("wsUrl", wsUrl);
    config.put("auth", Map.of("mode", "local"));
    config.put("payments", Map.of("mode", "local"));
    return new WebApp(projectRoot.resolve("web").resolve("dist"), config);
  }

  Optional<ApiResponse> serve(LocalRequest request) {
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      return Optional.empty();
    }
    String path = request.rawPath();
    if (path.equals("/config.json")) {
      return Optional.of(ApiResponse.json(200, config).withHeader("Cache-Control", "no-store"));
    }
    if (path.equals("/") || path.equals("/index.html")) {
      return Optional.of(file(dist.resolve("index.html"), "no-cache").orElseGet(() -> ApiResponse.text(404,
          "text/plain; charset=utf-8", "The web app is not built: run mvn -B -DskipTests package (it needs Node.js).")));
    }
    if (path.contains("..") || path.contains("\\") || path.contains("%") || path.endsWith("/")) {
      return Optional.empty();
    }
    Path file = dist.resolve(path.substring(1)).normalize();
    if (!file.startsWith(dist)) {
      return Optional.empty();
    }
    // Hashed file names under assets/ never change: cache them for good.
    return file(file, path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
  }

  private static Optional<ApiResponse> file(Path file, String cacheControl) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String name = file.getFileName().toString();
    String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    try {
      return Optional.of(ApiResponse.binary(200, TYPES.getOrDefault(extension, "application/octet-stream"),
          Files.readAllBytes(file)).withHeader("Cache-Control", cacheControl));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
