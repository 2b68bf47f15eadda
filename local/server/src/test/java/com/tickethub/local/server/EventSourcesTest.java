package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.tickethub.local.stack.ProjectRoot;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The SQS event source mapping and schedule emulation, on a test template (event-sources-template.yaml)
 * whose functions are test-only handlers: a queue with a 1 s visibility timeout and a DLQ after 3
 * receives, and a rate(1 minute) schedule that fires first after 200 ms.
 */
class EventSourcesTest {
  private static LocalServer server;

  @BeforeAll
  static void start() throws URISyntaxException {
    Path template = Path.of(EventSourcesTest.class.getResource("/event-sources-template.yaml").toURI());
    server = LocalServer.start(Options.inMemory(ProjectRoot.find()).withTemplate(template)
        .withFirstRateDelay(Duration.ofMillis(200)), Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void partialBatchFailureDeletesOnlyTheMessagesThatSucceeded() {
    String id = UUID.randomUUID().toString();
    send("ok-a-" + id, "fail-" + id, "ok-b-" + id);

    awaitTrue(() -> RecordingQueueHandler.deliveries("fail-" + id) >= 2, "the failed message is received again");
    sleep(Duration.ofSeconds(2));
    assertEquals(1, RecordingQueueHandler.deliveries("ok-a-" + id));
    assertEquals(1, RecordingQueueHandler.deliveries("ok-b-" + id));
  }

  @Test
  void messageFailingEveryTimeEndsInTheDlqAfterMaxReceiveCount() {
    String body = "throw-" + UUID.randomUUID();
    send(body);

    String dlq = server.aws().queueUrl("WorkDLQ");
    Message dead = null;
    for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos(); dead == null && System.nanoTime() < end; ) {
      dead = server.aws().sqs().receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1).maxNumberOfMessages(10))
          .messages().stream().filter(m -> m.body().equals(body)).findFirst().orElse(null);
    }
    assertTrue(dead != null, "the message reached the DLQ");
    assertEquals(3, RecordingQueueHandler.deliveries(body), "delivered maxReceiveCount times");
  }

  @Test
  void recordsCarryTheAttributesLambdaSends() {
    String body = "ok-attributes-" + UUID.randomUUID();
    send(body);
    awaitTrue(() -> RecordingQueueHandler.deliveries(body) == 1, "the message is delivered");
    SQSEvent.SQSMessage record = RecordingQueueHandler.RECORDS.stream().filter(r -> r.getBody().equals(body))
        .findFirst().orElseThrow();
    assertEquals("1", record.getAttributes().get("ApproximateReceiveCount"));
    assertTrue(record.getEventSourceArn().endsWith(":WorkQueue"), record.getEventSourceArn());
    assertEquals("aws:sqs", record.getEventSource());
    assertFalse(record.getReceiptHandle().isEmpty());
  }

  @Test
  void scheduleFiresWithAScheduledEvent() {
    awaitTrue(() -> !RecordingScheduleHandler.EVENTS.isEmpty(), "the schedule fires");
    ScheduledEvent event = RecordingScheduleHandler.EVENTS.get(0);
    assertEquals("Scheduled Event", event.getDetailType());
    assertEquals("aws.events", event.getSource());
    assertTrue(event.getResources().get(0).contains("rule/TickFunction-Tick"), event.getResources().toString());
  }

  private static void send(String... bodies) {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    for (String body : bodies) {
      entries.add(SendMessageBatchRequestEntry.builder().id(String.valueOf(entries.size())).messageBody(body).build());
    }
    server.aws().sqs().sendMessageBatch(b -> b.queueUrl(server.aws().queueUrl("WorkQueue")).entries(entries));
  }

  private static void awaitTrue(BooleanSupplier condition, String what) {
    for (long end = System.nanoTime() + Duration.ofSeconds(20).toNanos(); System.nanoTime() < end; ) {
      if (condition.getAsBoolean()) {
        return;
      }
      sleep(Duration.ofMillis(100));
    }
    throw new AssertionError("Timed out waiting until " + what);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
