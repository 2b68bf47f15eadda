package com.tickethub.orders;

import static com.tickethub.aws.Attributes.s;
import static com.tickethub.aws.ItemFields.derived;
import static com.tickethub.aws.ItemFields.field;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import com.fasterxml.jackson.core.type.TypeReference;
import com.tickethub.aws.Attributes;
import com.tickethub.aws.ItemFields;
import com.tickethub.http.Json;
import com.tickethub.inventory.Allocation;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The order item's layout ({@link OrderRepository}, model/PROTOCOL.md "Items"), as a static schema: no reflection
 * when a function starts. {@code items}, {@code payment} and {@code refund} are JSON text; {@code checkins} a map of
 * ticket position to {@code {at, gate}}; {@code history} a list of JSON entries (the transitions append to both).
 * The keys, the index keys, {@code expiresAtEpoch}, {@code ticketCount}, {@code checkedIn} and the empty {@code hk}
 * (the keys of recorded events) are derived from the order when it is written, and not read back.
 */
final class OrderSchema {
  static final String SK = "ORDER";
  /** An order's partition key is this prefix and its id. */
  static final String PK_PREFIX = "ORDER#";

  static final EnhancedType<Map<Integer, Order.CheckIn>> CHECKINS =
      EnhancedType.mapOf(EnhancedType.of(Integer.class), EnhancedType.of(Order.CheckIn.class));
  static final EnhancedType<List<HistoryEntry>> HISTORY = EnhancedType.listOf(HistoryEntry.class);
  static final EnhancedType<List<OrderItem>> ITEMS = EnhancedType.listOf(OrderItem.class);
  /** {@code hk}: the keys of the events recorded on the order ({@link OrderRepository#record}), empty when written. */
  private static final EnhancedType<Map<String, Boolean>> RECORDED = EnhancedType.mapOf(String.class, Boolean.class);

  static final AttributeConverter<List<OrderItem>> ITEMS_JSON = Attributes.json(ITEMS, new TypeReference<>() {});
  private static final AttributeConverter<Map<Integer, Order.CheckIn>> CHECKINS_CONVERTER =
      Attributes.converter(CHECKINS, AttributeValueType.M, OrderSchema::checkinsItem, OrderSchema::checkins);
  private static final AttributeConverter<List<HistoryEntry>> HISTORY_CONVERTER = Attributes.converter(HISTORY,
      AttributeValueType.L,
      history -> AttributeValue.fromL(history.stream().map(entry -> s(Json.write(entry))).toList()),
      list -> list.l().stream().map(entry -> Json.stored(entry.s(), HistoryEntry.class)).toList());

  static final TableSchema<Order> SCHEMA = StaticImmutableTableSchema.builder(Order.class, ItemFields.class)
      .newItemBuilder(ItemFields::new, OrderSchema::order)
      .addAttribute(String.class, derived("pk", (Order o) -> pk(o.orderId()))
          .andThen(a -> a.tags(primaryPartitionKey())))
      .addAttribute(String.class, derived("sk", (Order o) -> SK).andThen(a -> a.tags(primarySortKey())))
      .addAttribute(String.class, field("orderId", Order::orderId))
      .addAttribute(String.class, field("buyerId", Order::buyerId))
      .addAttribute(String.class, field("eventId", Order::eventId))
      .addAttribute(ITEMS, field("items", Order::items)
          .andThen(a -> a.attributeConverter(ITEMS_JSON)))
      .addAttribute(Long.class, field("amountCents", Order::amountCents))
      .addAttribute(String.class, field("currency", Order::currency))
      .addAttribute(String.class, field("status", (Order o) -> o.status().name()))
      .addAttribute(Integer.class, field("gen", Order::gen))
      .addAttribute(Instant.class, field("expiresAt", Order::expiresAt))
      .addAttribute(Long.class, derived("expiresAtEpoch", (Order o) -> o.expiresAt().getEpochSecond()))
      .addAttribute(Payment.class, field("payment", Order::payment)
          .andThen(a -> a.attributeConverter(Attributes.json(EnhancedType.of(Payment.class), new TypeReference<>() {}))))
      .addAttribute(String.class, field("lastPaymentError", Order::lastPaymentError))
      .addAttribute(Instant.class, field("createdAt", Order::createdAt))
      .addAttribute(Instant.class, field("paidAt", Order::paidAt))
      .addAttribute(Instant.class, field("dueAt", Order::dueAt))
      .addAttribute(Order.Refund.class, field("refund", Order::refund).andThen(a -> a.attributeConverter(
          Attributes.json(EnhancedType.of(Order.Refund.class), new TypeReference<>() {}))))
      .addAttribute(CHECKINS, field("checkins", Order::checkins).andThen(a -> a.attributeConverter(CHECKINS_CONVERTER)))
      .addAttribute(Long.class, derived("checkedIn", (Order o) -> (long) o.checkins().size()))
      .addAttribute(Long.class, derived("ticketCount", (Order o) -> (long) o.ticketCount()))
      .addAttribute(HISTORY, field("history", Order::history).andThen(a -> a.attributeConverter(HISTORY_CONVERTER)))
      .addAttribute(RECORDED, derived("hk", (Order o) -> Map.<String, Boolean>of()).andThen(a -> a.attributeConverter(
          Attributes.converter(RECORDED, AttributeValueType.M, none -> AttributeValue.fromM(Map.of()), map -> Map.of()))))
      .addAttribute(String.class, derived("gsi1pk", (Order o) -> o.payment() == null ? null
          : OrderRepository.intentKey(o.payment().paymentIntentId())).andThen(a -> a.tags(secondaryPartitionKey("gsi1"))))
      .addAttribute(String.class, derived("gsi1sk", (Order o) -> o.payment() == null ? null : SK)
          .andThen(a -> a.tags(secondarySortKey("gsi1"))))
      .addAttribute(String.class, derived("gsi2pk", (Order o) -> OrderRepository.buyerKey(o.buyerId()))
          .andThen(a -> a.tags(secondaryPartitionKey("gsi2"))))
      .addAttribute(String.class, derived("gsi2sk", OrderSchema::listed).andThen(a -> a.tags(secondarySortKey("gsi2"))))
      .addAttribute(String.class, derived("gsi3pk", (Order o) -> OrderRepository.eventOrdersKey(o.eventId()))
          .andThen(a -> a.tags(secondaryPartitionKey("gsi3"))))
      .addAttribute(String.class, derived("gsi3sk", OrderSchema::listed).andThen(a -> a.tags(secondarySortKey("gsi3"))))
      // Only an open order is on the sweep's sparse index (the transitions put it on and off).
      .addAttribute(String.class, derived("gsi4pk", (Order o) -> o.status().open()
          ? OrderRepository.openKey(o.orderId()) : null).andThen(a -> a.tags(secondaryPartitionKey("gsi4"))))
      .addAttribute(String.class, derived("gsi4sk", (Order o) -> o.status().open()
          ? OrderRepository.dueKey(o.dueAt(), o.orderId()) : null).andThen(a -> a.tags(secondarySortKey("gsi4"))))
      .build();

  /** A full order whose key never exists: what the priming maps and reads ({@link com.tickethub.aws.ItemTables}). */
  static final Order PRIMING = new Order("PRIMING", "priming", "PRIMING",
      List.of(new OrderItem("t", 1, 100, true, List.of(new Allocation(0, 1)), List.of("s:A:1"))), 100, "EUR",
      OrderStatus.PENDING_PAYMENT, 1, Instant.EPOCH, new Payment("local", "pi_priming", "secret"), "error",
      Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, new Order.Refund("priming", false, Instant.EPOCH, Instant.EPOCH),
      Map.of(0, new Order.CheckIn(Instant.EPOCH, "gate")),
      List.of(HistoryEntry.of(Instant.EPOCH, HistoryEntry.Type.PAYMENT_FAILED, HistoryEntry.SYSTEM, "priming")));

  private OrderSchema() {}

  static String pk(String orderId) {
    return PK_PREFIX + orderId;
  }

  /** Where the order stands in its buyer's and its event's lists: its creation time, then its id. */
  private static String listed(Order order) {
    return order.createdAt() + "#" + order.orderId();
  }

  private static AttributeValue checkinsItem(Map<Integer, Order.CheckIn> checkins) {
    Map<String, AttributeValue> item = new HashMap<>();
    checkins.forEach((position, checkIn) -> item.put(position.toString(),
        AttributeValue.fromM(Map.of("at", s(checkIn.at().toString()), "gate", s(checkIn.gate())))));
    return AttributeValue.fromM(item);
  }

  private static Map<Integer, Order.CheckIn> checkins(AttributeValue map) {
    Map<Integer, Order.CheckIn> checkins = new HashMap<>();
    map.m().forEach((position, checkIn) -> checkins.put(Integer.parseInt(position),
        new Order.CheckIn(Instant.parse(checkIn.m().get("at").s()), checkIn.m().get("gate").s())));
    return checkins;
  }

  private static Order order(ItemFields item) {
    return new Order(item.get("orderId"), item.get("buyerId"), item.get("eventId"), item.get("items"),
        item.get("amountCents", 0L), item.get("currency"), OrderStatus.valueOf(item.get("status")),
        item.get("gen", 0), item.get("expiresAt"), item.get("payment"), item.get("lastPaymentError"),
        item.get("createdAt"), item.get("paidAt"), item.get("dueAt"), item.get("refund"), item.get("checkins", Map.of()),
        item.get("history", List.of()));
  }
}
