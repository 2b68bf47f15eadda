package com.tickethub.functions.paymentevents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tickethub.auth.Caller;
import com.tickethub.events.EventView;
import com.tickethub.events.NewEvent;
import com.tickethub.http.Json;
import com.tickethub.idempotency.Claim;
import com.tickethub.local.stack.ProjectRoot;
import com.tickethub.orders.OrderStatus;
import com.tickethub.orders.OrderView;
import com.tickethub.orders.PurchaseItem;
import com.tickethub.orders.PurchaseRequest;
import com.tickethub.testing.PurchaseTestComponent;
import com.tickethub.testing.Requests;
import com.tickethub.testing.TestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The payment-events consumer as Lambda's SQS event source calls it, against the real emulators: a batch
 * reports only its failed messages, and a message that always fails reaches the DLQ after 5 receives.
 */
class PaymentEventsHandlerTest {
  private static final int MAX_RECEIVES = 5;

  private final PurchaseTestComponent app = PurchaseTestComponent.create(Clock.systemUTC());
  private final PaymentEventsHandler handler = new PaymentEventsHandler(
      TestStack.aws().functionEnvironment("PaymentEventsFunction", Map.of("PaymentProvider", "local")));
  private final EventView event = app.events().create(new Caller("org-consumer", Set.of("organizer")),
      Json.read(Requests.resource("orders/small-event.json"), NewEvent.class));

  private OrderView buy(String buyer) {
    String standard = event.ticketTypes().stream().filter(t -> t.name().equals("Standard")).findFirst().orElseThrow()
        .ticketTypeId();
    return app.purchases().purchase(new Caller(buyer, Set.of()), new Claim(UUID.randomUUID().toString(), false),
        new PurchaseRequest(event.eventId(), List.of(new PurchaseItem(standard, 1))));
  }

  /** The sample event's Stripe body, made the succeeded payment of {@code order}. */
  private static String succeeded(OrderView order) {
    ObjectNode body = (ObjectNode) Json.read(sampleMessage().path("body").asText(), JsonNode.class);
    body.put("id", "evt_consumer_" + UUID.randomUUID().toString().replace("-", ""));
    ObjectNode intent = (ObjectNode) body.path("data").path("object");
    intent.put("id", order.payment().paymentIntentId());
    intent.put("amount", order.amountCents());
    intent.put("currency", order.currency().toLowerCase(Locale.ROOT));
    ((ObjectNode) intent.path("metadata")).put("orderId", order.orderId());
    return Json.write(body);
  }

  private static JsonNode sampleMessage() {
    try {
      return Json.read(Files.readString(ProjectRoot.find()
          .resolve("functions/payment-events/src/test/resources/payment-events-sqs-event.json")), JsonNode.class)
          .path("Records").get(0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SQSEvent.SQSMessage message(String id, String body) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId(id);
    message.setBody(body);
    return message;
  }

  private static SQSEvent batch(List<SQSEvent.SQSMessage> messages) {
    SQSEvent event = new SQSEvent();
    event.setRecords(messages);
    return event;
  }

  @Test
  void poisonMessageIsTheOnlyFailureReportedAndTheOthersOfItsBatchTakeEffect() {
    List<OrderView> orders = List.of(buy("u-batch-1"), buy("u-batch-2"), buy("u-batch-3"));
    List<SQSEvent.SQSMessage> messages = new ArrayList<>();
    messages.add(message("good-1", succeeded(orders.get(0))));
    messages.add(message("poison-unparseable", "{this is not a stripe event"));
    messages.add(message("good-2", succeeded(orders.get(1))));
    messages.add(message("poison-unknown-order", sampleMessage().path("body").asText()));
    messages.add(message("good-3", succeeded(orders.get(2))));

    SQSBatchResponse response = handler.handleRequest(batch(messages), null);

    assertEquals(List.of("poison-unparseable", "poison-unknown-order"),
        response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
    orders.forEach(o -> assertEquals(OrderStatus.PAID, app.orders().find(o.orderId()).orElseThrow().status()));
  }

  @Test
  void messageThatAlwaysFailsReachesTheDlqAfterFiveReceives() {
    String dlqUrl = TestStack.aws().sqs().createQueue(b -> b.queueName("payment-events-dlq-" + UUID.randomUUID()))
        .queueUrl();
    String dlqArn = TestStack.aws().sqs().getQueueAttributes(b -> b.queueUrl(dlqUrl)
        .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
    String queueUrl = TestStack.aws().sqs().createQueue(b -> b.queueName("payment-events-" + UUID.randomUUID())
        .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
            "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + MAX_RECEIVES + "\"}",
            QueueAttributeName.VISIBILITY_TIMEOUT, "30"))).queueUrl();
    TestStack.aws().sqs().sendMessage(b -> b.queueUrl(queueUrl).messageBody(sampleMessage().path("body").asText()));

    int receives = 0;
    for (int poll = 0; poll < 10; poll++) {
      List<Message> received = TestStack.aws().sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10))
          .messages();
      if (received.isEmpty()) {
        break;
      }
      for (Message m : received) {
        receives++;
        SQSBatchResponse response = handler.handleRequest(batch(List.of(message(m.messageId(), m.body()))), null);
        assertEquals(1, response.getBatchItemFailures().size());
        // What Lambda does with a reported failure: the message becomes visible again (here at once).
        TestStack.aws().sqs().changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())
            .visibilityTimeout(0));
      }
    }

    assertEquals(MAX_RECEIVES, receives);
    List<Message> dead = TestStack.aws().sqs().receiveMessage(b -> b.queueUrl(dlqUrl).maxNumberOfMessages(10))
        .messages();
    assertEquals(1, dead.size());
    assertTrue(dead.get(0).body().contains("evt_sample_succeeded_1"));
  }
}
