package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.local.stack.ProjectRoot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/**
 * When the DynamoDB emulator (the dynalite child process) dies, the server starts it again by itself:
 * meanwhile routes answer 503 service_unavailable with Retry-After (not a 500) and health fails; then
 * everything works again without restarting the server.
 */
@DisabledIfEnvironmentVariable(named = "TICKETHUB_TEST_BACKEND", matches = "moto",
    disabledReason = "this kills the dynalite child process: with moto there is none")
class DynaliteRestartTest {
  private static final String NEW_EVENT = TestHttp.resource("bodies/new-event.json");
  private static LocalServer server;
  private static TestHttp http;

  @BeforeAll
  static void start() {
    server = LocalServer.start(Options.inMemory(ProjectRoot.find()), Map.of());
    http = new TestHttp(server.baseUri());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void killedDynaliteIsStartedAgainAndTheServerRecoversWithoutARestart() throws Exception {
    String organizer = http.token("organizer-dynalite", List.of("organizer"));
    assertEquals(201, http.post("/events", organizer, NEW_EVENT).status());
    ProcessHandle dynalite = ProcessHandle.of(server.aws().dynalite().orElseThrow().pid()).orElseThrow();

    assertTrue(dynalite.destroyForcibly());
    dynalite.onExit().get(10, TimeUnit.SECONDS);

    TestHttp.Response during = http.post("/events", organizer, NEW_EVENT);
    assertEquals(503, during.status(), during.body());
    assertEquals("application/problem+json", during.contentType());
    assertEquals("service_unavailable", during.json().path("code").asText());
    assertFalse(during.header("retry-after").isEmpty(), "Retry-After tells when to try again");

    TestHttp.Response created = awaitNot503(() -> http.post("/events", organizer, NEW_EVENT));
    assertEquals(201, created.status(), created.body());
    assertEquals(200, http.get("/events/" + created.json().path("eventId").asText(), null).status());
    assertEquals(200, http.get("/_local/health", null).status());
  }

  @Test
  void healthFailsWhileDynaliteIsDown() throws Exception {
    ProcessHandle dynalite = ProcessHandle.of(server.aws().dynalite().orElseThrow().pid()).orElseThrow();

    assertTrue(dynalite.destroyForcibly());
    dynalite.onExit().get(10, TimeUnit.SECONDS);

    TestHttp.Response health = http.get("/_local/health", null);
    assertEquals(503, health.status(), health.body());
    assertEquals("unreachable", health.json().path("dynamodb").asText());
    assertEquals(200, awaitNot503(() -> http.get("/_local/health", null)).status());
  }

  /** The first answer that is not a 503, asking again every 100 ms for up to 30 s. */
  private static TestHttp.Response awaitNot503(Supplier<TestHttp.Response> request)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    TestHttp.Response response = request.get();
    while (response.status() == 503 && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      response = request.get();
    }
    return response;
  }
}
