package com.tickethub.orders;

import static com.tickethub.orders.PurchaseFixture.claim;
import static com.tickethub.orders.PurchaseFixture.request;
import static com.tickethub.testing.Requests.buyer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tickethub.events.EventView;
import com.tickethub.http.Json;
import com.tickethub.inventory.TypeCounts;
import com.tickethub.orders.OrderLifecycle.Result;
import com.tickethub.payments.LocalPaymentGateway;
import com.tickethub.testing.Backends;
import com.tickethub.testing.MutableClock;
import com.tickethub.testing.PurchaseTestComponent;
import com.tickethub.testing.TestStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class HoldExpiryTest {
  private static final Duration HOLD_LAPSES = Duration.ofMinutes(11);

  private final MutableClock clock = new MutableClock(Instant.parse("2027-01-01T00:00:00Z"));
  /** A queue of this test's own, so that what it finds there was sent by this test. */
  private final String queueUrl = TestStack.aws().sqs()
      .createQueue(b -> b.queueName("hold-expiry-test-" + UUID.randomUUID())).queueUrl();
  private final PurchaseTestComponent app = PurchaseTestComponent.create(clock, Checkpoints.NONE, Map.of());
  private final PurchaseFixture fixture = new PurchaseFixture(app);
  private final EventView event = fixture.event("small-event.json");

  /** The services with the real SQS hold-expiry queue (this test's own). */
  private PurchaseTestComponent onSqs(Map<String, String> overrides) {
    Map<String, String> env = new java.util.HashMap<>(overrides);
    env.put("HOLD_EXPIRY_QUEUE_URL", queueUrl);
    return PurchaseTestComponent.create(clock, Checkpoints.NONE, env, new LocalPaymentGateway(),
        config -> new SqsHoldExpiryQueue(TestStack.aws().sqs(), config));
  }

  @Test
  void unpaidHoldComesBackThroughTheQueueMessageSentByThePurchase() {
    PurchaseTestComponent shortHolds = onSqs(Map.of("HOLD_MINUTES", "0"));
    OrderView order = shortHolds.purchases().purchase(buyer("u-q"), claim(), request(event, "Standard", 3));
    assertEquals(new TypeCounts(10, 7, 3, 0), fixture.counts(event, "Standard"));

    Message message = receiveOne();
    Result result = shortHolds.expiry().handle(message.body());

    assertEquals(Result.EXPIRED, result);
    assertEquals(Json.write(new ExpiryMessage(order.orderId(), event.eventId(), "u-q", ExpiryMessage.Kind.HOLD, true)),
        message.body());
    assertExpiredAndBack(order.orderId(), "u-q");
  }

  @Test
  void queueMessageBeforeExpiryIsPutBackAndExpiresTheOrderOnceDue() {
    PurchaseTestComponent sqs = onSqs(Map.of());
    OrderView order = sqs.purchases().purchase(buyer("u-early"), claim(), request(event, "Standard", 2));
    String message = Json.write(new ExpiryMessage(order.orderId(), event.eventId(), "u-early", ExpiryMessage.Kind.HOLD));
    assertEquals(1, delayedMessages());

    assertEquals(Result.NOT_DUE, sqs.expiry().handle(message));
    assertEquals(2, delayedMessages());
    assertEquals(new TypeCounts(10, 8, 2, 0), fixture.counts(event, "Standard"));

    clock.advance(HOLD_LAPSES);
    assertEquals(Result.EXPIRED, sqs.expiry().handle(message));
    assertEquals(Result.SETTLED, sqs.expiry().handle(message));
    assertExpiredAndBack(order.orderId(), "u-early");
  }

  @Test
  void unpaidHoldComesBackThroughTheSweep() {
    OrderView order = app.purchases().purchase(buyer("u-sweep"), claim(), request(event, "Standard", 2));
    app.expiry().sweep();
    assertEquals(new TypeCounts(10, 8, 2, 0), fixture.counts(event, "Standard"), "not due yet");

    clock.advance(HOLD_LAPSES);
    app.expiry().sweep();

    assertExpiredAndBack(order.orderId(), "u-sweep");
  }

  @Test
  @DisabledIfEnvironmentVariable(named = "TICKETHUB_TEST_BACKEND", matches = "moto",
      disabledReason = Backends.MOTO_DOES_NOT_SERIALIZE_WRITES)
  void queueAndSweepFiringTogetherReleaseEachHoldOnce() {
    List<String> orderIds = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      orderIds.add(app.purchases().purchase(buyer("u-both-" + i), claim(), request(event, "Standard", 2)).orderId());
    }
    clock.advance(HOLD_LAPSES);

    List<CompletableFuture<?>> running = new ArrayList<>();
    running.add(CompletableFuture.runAsync(() -> app.expiry().sweep()));
    for (int i = 0; i < orderIds.size(); i++) {
      String message = Json.write(new ExpiryMessage(orderIds.get(i), event.eventId(), "u-both-" + i,
          ExpiryMessage.Kind.HOLD));
      running.add(CompletableFuture.runAsync(() -> app.expiry().handle(message)));
      running.add(CompletableFuture.runAsync(() -> app.expiry().handle(message)));
    }
    running.add(CompletableFuture.runAsync(() -> app.expiry().sweep()));
    running.forEach(CompletableFuture::join);

    for (int i = 0; i < orderIds.size(); i++) {
      assertExpiredAndBack(orderIds.get(i), "u-both-" + i);
    }
  }

  @Test
  void paidOrderIsNotReleasedByExpiry() {
    OrderView view = app.purchases().purchase(buyer("u-paid"), claim(), request(event, "Standard", 2));
    app.paymentEvents().apply(StripeEventFixture.succeeded(view));
    clock.advance(HOLD_LAPSES);

    fixture.timePassed(clock.instant());

    assertEquals(OrderStatus.PAID, app.orders().find(view.orderId()).orElseThrow().status());
    assertEquals(new TypeCounts(10, 8, 0, 2), fixture.counts(event, "Standard"));
    assertEquals(2, app.buyers().count(event.eventId(), PurchaseFixture.typeId(event, "Standard"), "u-paid"));
    fixture.assertInvariant(event);
  }

  @Test
  void messageForAnUnknownOrderChangesNothing() {
    assertEquals(Result.NO_ORDER, app.expiry().handle(Json.write(
        new ExpiryMessage("no-such-order", event.eventId(), "u-none", ExpiryMessage.Kind.HOLD))));
  }

  private void assertExpiredAndBack(String orderId, String buyerId) {
    assertEquals(OrderStatus.EXPIRED, app.orders().find(orderId).orElseThrow().status());
    assertEquals(0, app.buyers().count(event.eventId(), PurchaseFixture.typeId(event, "Standard"), buyerId));
    TypeCounts counts = fixture.counts(event, "Standard");
    assertEquals(0, counts.held());
    assertEquals(10, counts.available());
    fixture.assertInvariant(event);
  }

  private Message receiveOne() {
    for (int attempt = 0; attempt < 5; attempt++) {
      List<Message> messages = app.sqs().receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(2)).messages();
      if (!messages.isEmpty()) {
        return messages.get(0);
      }
    }
    throw new AssertionError("no expiry message arrived");
  }

  private int delayedMessages() {
    return Integer.parseInt(app.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl)
            .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
        .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
  }
}
