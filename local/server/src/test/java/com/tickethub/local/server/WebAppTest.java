package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.http.ApiResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web app's files and config on the local server, from a built folder laid out as web/dist. */
class WebAppTest {
  @TempDir
  Path root;

  private WebApp app() throws IOException {
    Path dist = root.resolve("web/dist");
    Files.createDirectories(dist.resolve("assets"));
    Files.writeString(dist.resolve("index.html"), "<!doctype html><title>TicketHub</title>");
    Files.writeString(dist.resolve("assets/index-abc.js"), "console.log(1)");
    Files.writeString(root.resolve("web/secret.txt"), "outside dist");
    return WebApp.of(root, null);
  }

  private static LocalRequest get(String path) {
    return new LocalRequest("GET", path, null, Map.of(), new byte[0], "127.0.0.1");
  }

  private static String text(ApiResponse response) {
    return new String(Base64.getDecoder().decode(response.body()), StandardCharsets.UTF_8);
  }

  @Test
  void rootIsTheAppsIndexPageRevalidatedEveryTime() throws IOException {
    ApiResponse index = app().serve(get("/")).orElseThrow();

    assertEquals(200, index.status());
    assertTrue(text(index).contains("TicketHub"));
    assertEquals("text/html; charset=utf-8", index.headers().get("Content-Type"));
    assertEquals("no-cache", index.headers().get("Cache-Control"));
  }

  @Test
  void hashedAssetsAreServedAndCachedForGood() throws IOException {
    ApiResponse script = app().serve(get("/assets/index-abc.js")).orElseThrow();

    assertEquals("console.log(1)", text(script));
    assertTrue(script.headers().get("Cache-Control").contains("immutable"));
  }

  @Test
  void configNamesTheSameOriginLocalSignInAndLocalPayments() throws IOException {
    ApiResponse config = app().serve(get("/config.json")).orElseThrow();

    assertEquals(200, config.status());
    assertEquals("{\"apiUrl\":\"\",\"wsUrl\":null,\"auth\":{\"mode\":\"local\"},\"payments\":{\"mode\":\"local\"}}",
        config.body());
  }

  @Test
  void pathsOutsideTheBuiltFilesGoOnToTheApi() throws IOException {
    WebApp app = app();
    for (String path : List.of("/events", "/events/abc", "/../secret.txt", "/assets/../../secret.txt",
        "/%2e%2e/secret.txt", "/assets/", "/.well-known/ticket-keys")) {
      assertEquals(Optional.empty(), app.serve(get(path)), path);
    }
    assertEquals(Optional.empty(), app.serve(new LocalRequest("POST", "/", null, Map.of(), new byte[0], "127.0.0.1")));
  }

  @Test
  void unbuiltAppSaysHowToBuildIt() {
    ApiResponse index = WebApp.of(root, null).serve(get("/")).orElseThrow();

    assertEquals(404, index.status());
    assertTrue(index.body().contains("mvn"));
  }
}
