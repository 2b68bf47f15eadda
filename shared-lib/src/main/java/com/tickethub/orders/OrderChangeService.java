package com.tickethub.orders;

import com.tickethub.auth.Caller;
import com.tickethub.auth.Role;
import com.tickethub.errors.Conflict;
import com.tickethub.errors.Forbidden;
import com.tickethub.errors.NotFound;
import com.tickethub.events.EventService;
import com.tickethub.payments.PaymentGateway;
import java.time.Clock;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * {@code POST /orders/{orderId}/cancel} (its buyer, unpaid orders) and {@code POST /orders/{orderId}/refund}
 * (the event's organizer, paid orders). Both can be repeated: a cancelled or refunded order is answered as it
 * is, after finishing whatever an earlier attempt that died left undone.
 */
@Singleton
public class OrderChangeService {
  private final OrderRepository orders;
  private final OrderHolds holds;
  private final OrderService views;
  private final EventService events;
  private final PaymentGateway payments;
  private final Clock clock;

  @Inject
  public OrderChangeService(OrderRepository orders, OrderHolds holds, OrderService views, EventService events,
      PaymentGateway payments, Clock clock) {
    this.orders = orders;
    this.holds = holds;
    this.views = views;
    this.events = events;
    this.payments = payments;
    this.clock = clock;
  }

  /**
   * Cancels the PaymentIntent first: if it already succeeded, Stripe refuses (409 payment_succeeded) and the
   * order is left to its payment event. Then CANCELLED and the hold back on sale. 404 to anyone but the buyer.
   */
  public OrderView cancel(Caller caller, String orderId) {
    Order order = orders.find(orderId).filter(o -> o.buyerId().equals(caller.sub()))
        .orElseThrow(() -> notFound(orderId));
    if (order.status() == OrderStatus.PENDING_PAYMENT) {
      if (order.payment() != null) {
        payments.cancelIntent(order.payment().paymentIntentId());
      }
      orders.cancel(orderId, clock.instant());
      order = orders.find(orderId).orElseThrow();
    }
    if (order.status() != OrderStatus.CANCELLED) {
      throw new Conflict("order_not_cancellable", "Order " + orderId + " is " + order.status()
          + "; only an order awaiting payment can be cancelled");
    }
    holds.release(order);
    return views.get(caller, orderId);
  }

  /**
   * Voids the tickets first, so that none can be checked in once the money is back (409 already_checked_in,
   * and nothing changed, if one was); then refunds through the gateway (Stripe key {@code refund-<orderId>}, so
   * a retry refunds once), marks the order REFUNDED and puts its tickets back on sale. 403 to another organizer,
   * 404 to anyone else.
   */
  public OrderView refund(Caller caller, String orderId) {
    Order order = orders.find(orderId).orElseThrow(() -> notFound(orderId));
    if (!events.find(order.eventId()).organizerId().equals(caller.sub())) {
      if (caller.has(Role.ORGANIZER)) {
        throw new Forbidden("Order " + orderId + " is of an event you do not organize");
      }
      throw notFound(orderId);
    }
    if (order.status() == OrderStatus.PAID) {
      if (holds.voidTickets(order).anyCheckedIn()) {
        throw new Conflict("already_checked_in", "A ticket of order " + orderId + " is checked in: it cannot be refunded");
      }
      if (order.payment() != null) {
        payments.refund(order.payment().paymentIntentId(), PaymentEventService.refundKey(order));
      }
      orders.refund(orderId, clock.instant());
      order = orders.find(orderId).orElseThrow();
    }
    if (order.status() != OrderStatus.REFUNDED) {
      throw new Conflict("order_not_refundable", "Order " + orderId + " is " + order.status()
          + "; only a paid order can be refunded");
    }
    if (!order.ticketIds().isEmpty()) {
      holds.unsell(order); // finishes what an earlier attempt that died left undone
    }
    return views.get(caller, orderId);
  }

  private static NotFound notFound(String orderId) {
    return new NotFound("No order " + orderId);
  }
}
