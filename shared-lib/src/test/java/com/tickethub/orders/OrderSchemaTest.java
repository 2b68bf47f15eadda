package com.tickethub.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tickethub.inventory.Allocation;
import com.tickethub.testing.ItemFiles;
import com.tickethub.testing.TestComponent;
import com.tickethub.testing.TestStack;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The order item through its static schema, on the real table: every field comes back as written, a new order has
 * the layout the hand-written conversions wrote ({@code items/order-pending.json}), and an order as the transitions
 * leave it ({@code items/order-paid.json}: check-ins, history, recorded keys) reads back unchanged.
 */
class OrderSchemaTest {
  private final TestComponent app = TestStack.component();
  private final String table = TestStack.config("CreateEventFunction").require("TABLE_NAME");
  private final OrderRepository orders = app.orders();
  private final String orderId = UUID.randomUUID().toString();

  @Test
  void everyFieldOfAnOrderRoundTrips() {
    Order order = new Order(orderId, "buyer-1", "event-1",
        List.of(new OrderItem("t1", 1, 2500, true, List.of(new Allocation(3, 1)), List.of("A:1:7"))), 2500, "EUR",
        OrderStatus.REFUNDING, 4, Instant.parse("2026-11-30T12:15:00Z"), payment(), "card_declined",
        Instant.parse("2026-11-30T12:00:00.250Z"), Instant.parse("2026-11-30T12:05:00Z"),
        Instant.parse("2026-11-30T12:35:00Z"),
        new Order.Refund("org-1", true, Instant.parse("2026-11-30T12:30:00Z"), Instant.parse("2026-11-30T12:31:00Z")),
        Map.of(0, new Order.CheckIn(Instant.parse("2027-03-01T19:01:00Z"), "north")),
        List.of(HistoryEntry.of(Instant.parse("2026-11-30T12:30:00Z"), HistoryEntry.Type.REFUND_REQUESTED, "org-1",
            "by the organizer")));

    orders.create(order);

    assertEquals(order, orders.find(orderId).orElseThrow());
  }

  @Test
  void aFreeOrderWithoutPaymentDueTimeOrRefundRoundTrips() {
    Order order = Order.create(orderId, "buyer-1", "event-1",
        List.of(new OrderItem("t1", 2, 0, false, List.of(new Allocation(0, 2)))), 0, "EUR",
        Instant.parse("2026-11-30T12:15:00Z"), null, Instant.parse("2026-11-30T12:00:00Z"));

    orders.create(order);

    assertEquals(order, orders.find(orderId).orElseThrow());
  }

  @Test
  void aNewOrderItemHasTheOldLayoutAttributeForAttribute() {
    orders.create(pendingOrder());

    assertEquals(ItemFiles.read("/items/order-pending.json", values()), stored());
  }

  @Test
  void aPendingOrderWrittenByTheOldConversionsReadsBackUnchanged() {
    app.dynamo().putItem(b -> b.tableName(table).item(ItemFiles.read("/items/order-pending.json", values())));

    assertEquals(pendingOrder(), orders.find(orderId).orElseThrow());
    assertEquals(pendingOrder(), orders.findByPaymentIntent("pi_" + orderId).orElseThrow());
  }

  @Test
  void aPaidOrderAsTheTransitionsLeaveItReadsBackUnchanged() {
    app.dynamo().putItem(b -> b.tableName(table).item(ItemFiles.read("/items/order-paid.json", values())));

    assertEquals(new Order(orderId, "buyer-1", "event-1",
        List.of(new OrderItem("t1", 2, 2500, false, List.of(new Allocation(0, 2)))), 5000, "EUR", OrderStatus.PAID, 2,
        Instant.parse("2026-11-30T12:15:00Z"), payment(), "card_declined", Instant.parse("2026-11-30T12:00:00Z"),
        Instant.parse("2026-11-30T12:05:00Z"), null, null,
        Map.of(1, new Order.CheckIn(Instant.parse("2027-03-01T19:01:00Z"), "north")),
        List.of(new HistoryEntry(Instant.parse("2026-11-30T12:03:00Z"), HistoryEntry.Type.PAYMENT_FAILED,
                HistoryEntry.STRIPE, null, null, "pi_" + orderId, "evt_1", null, "card_declined"),
            new HistoryEntry(Instant.parse("2026-11-30T12:05:00Z"), HistoryEntry.Type.PAYMENT_SUCCEEDED,
                HistoryEntry.STRIPE, 5000L, "EUR", "pi_" + orderId, "evt_2", null, null))),
        orders.find(orderId).orElseThrow());
  }

  /** What items/order-pending.json holds. */
  private Order pendingOrder() {
    return Order.create(orderId, "buyer-1", "event-1",
        List.of(new OrderItem("t1", 2, 2500, true, List.of(new Allocation(0, 1), new Allocation(1, 1))),
            new OrderItem("t2", 1, 4000, false, List.of(), List.of("A:1:7"))),
        9000, "EUR", Instant.parse("2026-11-30T12:15:00Z"), payment(), Instant.parse("2026-11-30T12:00:00.250Z"));
  }

  private Payment payment() {
    return new Payment("stripe", "pi_" + orderId, "pi_" + orderId + "_secret");
  }

  private Map<String, String> values() {
    return Map.of("orderId", orderId,
        "openPartition", Integer.toString(Math.floorMod(orderId.hashCode(), OrderRepository.OPEN_PARTITIONS)));
  }

  private Map<String, AttributeValue> stored() {
    return app.dynamo().getItem(b -> b.tableName(table).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("ORDER#" + orderId), "sk", AttributeValue.fromS("ORDER")))).item();
  }
}
