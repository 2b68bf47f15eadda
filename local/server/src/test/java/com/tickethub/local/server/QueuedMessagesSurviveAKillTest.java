package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.local.stack.ProjectRoot;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * With a data folder, what SQS acknowledged survives a hard kill of the local server, as it would in SQS: a
 * payment event the webhook answered 200 for is applied after the restart, and the order's delayed hold-expiry
 * message is still waiting.
 */
class QueuedMessagesSurviveAKillTest {
  private static final Path ROOT = ProjectRoot.find();

  @TempDir
  Path folder;

  @Test
  void acknowledgedPaymentEventIsAppliedAfterTheServerIsKilledAndRestarted() throws Exception {
    Path data = folder.resolve("data");
    Process first = startPausedServer(data);
    String buyer;
    String orderId;
    try {
      TestHttp http = new TestHttp(awaitListening(first));
      buyer = http.token("buyer-kill", List.of());
      String organizer = http.token("organizer-kill", List.of("organizer"));
      JsonNode event = http.post("/events", organizer, TestHttp.resource("bodies/new-event.json")).json();
      String body = "{\"eventId\": \"" + event.path("eventId").asText() + "\", \"items\": [{\"ticketTypeId\": \""
          + event.path("ticketTypes").path(0).path("ticketTypeId").asText() + "\", \"quantity\": 1}]}";
      TestHttp.Response order = http.send("POST", "/tickets/purchase", buyer, body,
          Map.of("Idempotency-Key", "kill-" + UUID.randomUUID()));
      assertEquals(201, order.status(), order.body());
      orderId = order.json().path("orderId").asText();
      TestHttp.Response pay = http.post("/_local/stripe/pay", null, "{\"orderId\": \"" + orderId + "\"}");
      assertEquals(202, pay.status(), "the webhook answered 200: " + pay.body());
    } finally {
      killHard(first);
    }

    try (LocalServer second = LocalServer.start(Options.parse(ROOT, Map.of(),
        List.of("--port", "0", "--data", data.toString())), Map.of())) {
      String expiryQueue = second.aws().queueUrl("HoldExpiryQueue");
      String delayed = second.aws().sqs().getQueueAttributes(b -> b.queueUrl(expiryQueue)
          .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes()
          .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);
      assertEquals("1", delayed, "the order's hold-expiry message is still waiting");

      TestHttp http = new TestHttp(second.baseUri());
      JsonNode paid = awaitStatus(http, orderId, buyer, "PAID");
      assertEquals("PAID", paid.path("status").asText(), paid.toString());
      assertEquals(1, paid.path("tickets").size());
    }
  }

  private Process startPausedServer(Path data) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        PausedConsumerServer.class.getName(), data.toString())
        .directory(ROOT.toFile())
        .redirectError(ROOT.resolve("local/server/target/paused-consumer-server.log").toFile())
        .start();
  }

  private static URI awaitListening(Process server) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("listening ")) {
        return URI.create(line.substring("listening ".length()));
      }
    }
    throw new AssertionError("the server did not start: see local/server/target/paused-consumer-server.log");
  }

  /** SIGKILL, as a crash or `kill -9` would: no shutdown hook runs. Waits until its dynalite child is gone too. */
  private static void killHard(Process server) throws Exception {
    List<ProcessHandle> children = server.descendants().toList();
    server.destroyForcibly();
    assertTrue(server.waitFor(30, TimeUnit.SECONDS));
    for (ProcessHandle child : children) {
      child.onExit().get(30, TimeUnit.SECONDS);
    }
  }

  private static JsonNode awaitStatus(TestHttp http, String orderId, String token, String status) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    JsonNode order;
    do {
      TestHttp.Response response = http.get("/orders/" + orderId, token);
      assertEquals(200, response.status(), response.body());
      order = response.json();
      assertNotNull(order);
      if (order.path("status").asText().equals(status)) {
        return order;
      }
      Thread.sleep(200);
    } while (Instant.now().isBefore(deadline));
    return order;
  }
}
