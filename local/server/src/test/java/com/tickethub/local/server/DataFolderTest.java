package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tickethub.local.stack.ProjectRoot;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart on the same data folder sees the first run's data and accepts its tokens; while a server
 * runs on it, no second one (or invoke) may open it.
 */
class DataFolderTest {
  @TempDir
  Path data;

  @Test
  void restartOnTheSameDataFolderKeepsEventsAndTokens() {
    Options options = Options.parse(ProjectRoot.find(), Map.of(), List.of("--port", "0", "--data", data.toString()));
    String token;
    String eventId;
    try (LocalServer first = LocalServer.start(options, Map.of())) {
      TestHttp http = new TestHttp(first.baseUri());
      token = http.token("organizer-restart", List.of("organizer"));
      TestHttp.Response created = http.post("/events", token, TestHttp.resource("bodies/new-event.json"));
      assertEquals(201, created.status(), created.body());
      eventId = created.json().path("eventId").asText();
      assertThrows(IllegalStateException.class, options::requireUnusedDataFolder, "a second server is refused");
    }
    try (LocalServer second = LocalServer.start(options, Map.of())) {
      TestHttp http = new TestHttp(second.baseUri());
      assertEquals(200, http.get("/events/" + eventId, null).status());
      assertEquals(201, http.post("/events", token, TestHttp.resource("bodies/new-event.json")).status());
    }
  }
}
