package com.tickethub.orders;

import com.tickethub.auth.Caller;
import com.tickethub.auth.Role;
import com.tickethub.errors.Forbidden;
import com.tickethub.errors.NotFound;
import com.tickethub.errors.InvalidRequest;
import com.tickethub.events.EventService;
import com.tickethub.http.Cursors;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * {@code GET /orders/{orderId}}, {@code POST /orders/{orderId}/cancel} and {@code POST /orders/{orderId}/refund}:
 * who may see or change an order, then {@link OrderLifecycle} for the change. An order that is not the caller's
 * is 404 to a buyer (an order id tells a stranger nothing) and 403 to an organizer (API.md, "Auth").
 */
@Singleton
public class OrderService {
  private final OrderRepository orders;
  private final OrderLifecycle lifecycle;
  private final EventService events;

  @Inject
  public OrderService(OrderRepository orders, OrderLifecycle lifecycle, EventService events) {
    this.orders = orders;
    this.lifecycle = lifecycle;
    this.events = events;
  }

  /** The order for its buyer or its event's organizer. */
  public OrderView get(Caller caller, String orderId) {
    Order order = find(orderId);
    if (order.buyerId().equals(caller.sub())) {
      return OrderView.of(order, order.payment());
    }
    requireOrganizer(caller, order);
    return OrderView.of(order, withoutSecret(order.payment()));
  }

  /** A page of orders, newest first, and the cursor of the next page (null on the last). */
  public record OrderList(List<OrderView> orders, String nextCursor) {}

  /** {@code GET /orders}: the caller's own orders, newest first, each with its tickets. */
  public OrderList mine(Caller caller, Optional<String> limit, Optional<String> cursor) {
    String list = "orders";
    OrderRepository.Page page = orders.buyerOrders(caller.sub(), Cursors.limit(limit),
        position(Cursors.decode(cursor, list, caller.sub())));
    return new OrderList(page.orders().stream().map(o -> OrderView.of(o, o.payment())).toList(),
        page.next().map(next -> Cursors.encode(list, caller.sub(), next)).orElse(null));
  }

  /** {@code GET /events/{eventId}/orders}: the event's orders, newest first, for its organizer. */
  public OrderList ofEvent(Caller caller, String eventId, Optional<String> limit, Optional<String> cursor) {
    events.organizedBy(caller, eventId);
    String list = "event-orders#" + eventId;
    OrderRepository.Page page = orders.eventOrders(eventId, Cursors.limit(limit),
        position(Cursors.decode(cursor, list, caller.sub())));
    return new OrderList(page.orders().stream().map(o -> OrderView.of(o, withoutSecret(o.payment()))).toList(),
        page.next().map(next -> Cursors.encode(list, caller.sub(), next)).orElse(null));
  }

  /** The cursor's position must be one this list writes: an index sort key and an order id. */
  private static Optional<Map<String, String>> position(Optional<Map<String, String>> fields) {
    fields.ifPresent(position -> {
      if (!position.keySet().equals(java.util.Set.of("s", "o"))
          || position.values().stream().anyMatch(v -> v == null || v.isEmpty() || v.length() > 300)) {
        throw new InvalidRequest("cursor", "is not a cursor this list gave you; send nextCursor back unchanged");
      }
    });
    return fields;
  }

  /** The buyer cancels an unpaid order: the PaymentIntent is canceled, the hold released. Safe to repeat. */
  public OrderView cancel(Caller caller, String orderId) {
    Order order = find(orderId);
    if (!order.buyerId().equals(caller.sub())) {
      throw notYours(caller, orderId, "Only its buyer can cancel order " + orderId);
    }
    return OrderView.of(lifecycle.cancel(order, caller.sub()), order.payment());
  }

  /** The event's organizer refunds a paid order: tickets void, money and stock back. Safe to repeat. */
  public OrderView refund(Caller caller, String orderId) {
    Order order = find(orderId);
    requireOrganizer(caller, order);
    return OrderView.of(lifecycle.refund(order, caller.sub()), withoutSecret(order.payment()));
  }

  private void requireOrganizer(Caller caller, Order order) {
    if (!events.find(order.eventId()).organizerId().equals(caller.sub())) {
      throw notYours(caller, order.orderId(), "Order " + order.orderId() + " is of an event you do not organize");
    }
  }

  private Order find(String orderId) {
    return orders.find(orderId).orElseThrow(() -> notFound(orderId));
  }

  private static RuntimeException notYours(Caller caller, String orderId, String detail) {
    return caller.has(Role.ORGANIZER) ? new Forbidden(detail) : notFound(orderId);
  }

  private static Payment withoutSecret(Payment payment) {
    return payment == null ? null : new Payment(payment.provider(), payment.paymentIntentId(), null);
  }

  private static NotFound notFound(String orderId) {
    return new NotFound("No order " + orderId);
  }
}
