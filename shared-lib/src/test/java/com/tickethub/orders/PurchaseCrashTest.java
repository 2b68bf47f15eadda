package com.tickethub.orders;

import static com.tickethub.orders.PurchaseFixture.key;
import static com.tickethub.testing.Requests.buyer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.auth.Caller;
import com.tickethub.events.EventView;
import com.tickethub.http.Json;
import com.tickethub.inventory.TypeCounts;
import com.tickethub.testing.MutableClock;
import com.tickethub.testing.PurchaseTestComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The purchase stopped between each pair of its writes, as a dying Lambda would stop it; then retried with the
 * same Idempotency-Key (once the dead attempt's claim lapsed), or left alone until its hold expires and its
 * expiry message (queued before the first hold) comes. Either way every ticket is counted once.
 */
class PurchaseCrashTest {
  /** How long the dead attempt's idempotency claim stays in progress (the request's remaining time) and a bit. */
  private static final Duration CLAIM_LAPSES = Duration.ofSeconds(31);
  private static final Duration HOLD_LAPSES = Duration.ofMinutes(11);

  private final MutableClock clock = new MutableClock(Instant.parse("2027-01-01T00:00:00Z"));
  private final CrashAt crashes = new CrashAt();
  private final PurchaseTestComponent app = PurchaseTestComponent.create(clock, crashes, Map.of());
  private final PurchaseFixture fixture = new PurchaseFixture(app);
  private final EventView event = fixture.event("small-event.json");
  private final EventView sharded = fixture.event("sharded-event.json");
  private final Caller buyer = buyer("u-crash");

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"EXPIRY_SCHEDULED", "HOLDS_TAKEN", "INTENT_CREATED", "ORDER_WRITTEN",
      "RESPONSE_STORED"})
  void paidOrderCrashedThenRetriedIsOneOrder(Checkpoint point) {
    String key = key();
    String body = body(event, "Standard", 2);
    crashes.crash(point);
    assertThrows(CrashAt.Crash.class, () -> fixture.post(buyer, key, body));
    clock.advance(CLAIM_LAPSES);

    APIGatewayV2HTTPResponse retried = fixture.post(buyer, key, body);

    assertEquals(201, retried.getStatusCode(), retried.getBody());
    String orderId = Json.read(retried.getBody(), JsonNode.class).get("orderId").asText();
    assertEquals(firstOrderId(), orderId);
    assertEquals(OrderStatus.PENDING_PAYMENT, app.orders().find(orderId).orElseThrow().status());
    assertEquals(new TypeCounts(10, 8, 2, 0), fixture.counts(event, "Standard"));
    assertEquals(2, app.buyers().count(event.eventId(), PurchaseFixture.typeId(event, "Standard"), "u-crash"));
    fixture.assertInvariant(event);

    clock.advance(HOLD_LAPSES);
    fixture.timePassed(clock.instant());
    assertEverythingBack(event, "Standard", Optional.of(orderId));
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"EXPIRY_SCHEDULED", "HOLDS_TAKEN", "INTENT_CREATED", "ORDER_WRITTEN",
      "RESPONSE_STORED"})
  void paidOrderCrashedAndAbandonedComesBackAtExpiry(Checkpoint point) {
    String key = key();
    crashes.crash(point);
    assertThrows(CrashAt.Crash.class, () -> fixture.post(buyer, key, body(event, "Standard", 2)));

    clock.advance(HOLD_LAPSES);
    fixture.timePassed(clock.instant());

    Optional<String> written = app.orders().find(firstOrderId()).map(Order::orderId);
    assertEquals(point.compareTo(Checkpoint.ORDER_WRITTEN) >= 0, written.isPresent());
    assertEverythingBack(event, "Standard", written);
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"HOLDS_TAKEN", "ORDER_WRITTEN", "HOLD_COMMITTED", "RESPONSE_STORED"})
  void freeOrderCrashedThenRetriedIsPaidOnce(Checkpoint point) {
    String key = key();
    String body = body(event, "Guest list", 2);
    crashes.crash(point);
    assertThrows(CrashAt.Crash.class, () -> fixture.post(buyer, key, body));
    clock.advance(CLAIM_LAPSES);

    APIGatewayV2HTTPResponse retried = fixture.post(buyer, key, body);

    assertEquals(201, retried.getStatusCode(), retried.getBody());
    assertFreeOrderPaidOnce(firstOrderId());
    clock.advance(HOLD_LAPSES);
    fixture.timePassed(clock.instant());
    assertFreeOrderPaidOnce(firstOrderId());
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"ORDER_WRITTEN", "HOLD_COMMITTED"})
  void freeOrderCrashedAndAbandonedIsFinishedByItsExpiryMessage(Checkpoint point) {
    String key = key();
    crashes.crash(point);
    assertThrows(CrashAt.Crash.class, () -> fixture.post(buyer, key, body(event, "Guest list", 2)));

    clock.advance(HOLD_LAPSES);
    fixture.timePassed(clock.instant());

    assertFreeOrderPaidOnce(firstOrderId());
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"HOLDS_TAKEN", "INTENT_CREATED", "ORDER_WRITTEN"})
  void splitOrderCrashedThenRetriedReusesItsParts(Checkpoint point) {
    String key = key();
    String body = body(sharded, "Lawn", 5); // shards of 2: the order must split over at least 3
    crashes.crash(point);
    assertThrows(CrashAt.Crash.class, () -> fixture.post(buyer, key, body));
    clock.advance(CLAIM_LAPSES);

    assertEquals(201, fixture.post(buyer, key, body).getStatusCode());

    assertEquals(new TypeCounts(10, 5, 5, 0), fixture.counts(sharded, "Lawn"));
    fixture.assertInvariant(sharded);
    clock.advance(HOLD_LAPSES);
    fixture.timePassed(clock.instant());
    assertEquals(new TypeCounts(10, 10, 0, 0), fixture.counts(sharded, "Lawn"));
  }

  @ParameterizedTest
  @EnumSource(value = Checkpoint.class, names = {"HOLDS_TAKEN", "INTENT_CREATED"})
  void outageBeforeTheOrderIsWrittenGivesTheHoldsBackAtOnce(Checkpoint point) {
    String key = key();
    String body = body(event, "Standard", 2);
    crashes.outage(point);

    APIGatewayV2HTTPResponse failed = fixture.post(buyer, key, body);

    assertEquals(500, failed.getStatusCode());
    assertEquals(new TypeCounts(10, 10, 0, 0), fixture.counts(event, "Standard"));
    assertEquals(0, fixture.otherItems(event).stream().mapToLong(i -> Long.parseLong(i.get("count").n())).sum());
    assertEquals(201, fixture.post(buyer, key, body).getStatusCode());
    assertEquals(new TypeCounts(10, 8, 2, 0), fixture.counts(event, "Standard"));
  }

  private void assertEverythingBack(EventView e, String type, Optional<String> orderId) {
    assertEquals(new TypeCounts(10, 10, 0, 0), fixture.counts(e, type));
    assertEquals(0, app.buyers().count(e.eventId(), PurchaseFixture.typeId(e, type), "u-crash"));
    orderId.ifPresent(id -> assertEquals(OrderStatus.EXPIRED, app.orders().find(id).orElseThrow().status()));
    fixture.assertInvariant(e);
  }

  private void assertFreeOrderPaidOnce(String orderId) {
    Order order = app.orders().find(orderId).orElseThrow();
    assertEquals(OrderStatus.PAID, order.status());
    assertEquals(new TypeCounts(5, 3, 0, 2), fixture.counts(event, "Guest list"));
    assertEquals(2, order.tickets().size());
    fixture.assertInvariant(event);
  }

  /** The order id of the first attempt: its expiry message is the first thing it sends. */
  private String firstOrderId() {
    return app.dueQueue().messages().get(0).orderId();
  }

  private static String body(EventView e, String type, int quantity) {
    return Json.write(PurchaseFixture.request(e, type, quantity));
  }
}
