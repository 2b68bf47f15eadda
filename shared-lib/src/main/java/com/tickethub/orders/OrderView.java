package com.tickethub.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.tickethub.tickets.TicketStatus;
import java.time.Instant;
import java.util.List;

/**
 * An order in API responses. {@code expiresAt} and {@code payment} are shown while it awaits payment,
 * {@code tickets} once it is paid; {@code payment.clientSecret} only to the buyer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(
    String orderId,
    String eventId,
    OrderStatus status,
    List<Item> items,
    long amountCents,
    String currency,
    Instant expiresAt,
    Payment payment,
    String lastPaymentError,
    List<TicketView> tickets,
    Instant createdAt) {

  /** A line of the order; {@code priceCents} is the unit price, as on the ticket type. */
  public record Item(String ticketTypeId, int quantity, long priceCents) {}

  public record TicketView(String ticketId, String ticketTypeId, TicketStatus status) {}

  static OrderView of(Order order, Payment payment, List<TicketView> tickets) {
    boolean pending = order.status() == OrderStatus.PENDING_PAYMENT;
    return new OrderView(order.orderId(), order.eventId(), order.status(),
        order.items().stream().map(i -> new Item(i.ticketTypeId(), i.quantity(), i.unitPriceCents())).toList(),
        order.amountCents(), order.currency(), pending ? order.expiresAt() : null, payment,
        order.lastPaymentError(), tickets, order.createdAt());
  }

  /** The buyer's view right after the purchase: a paid (free) order's tickets are the ones just issued. */
  static OrderView forBuyer(Order order) {
    List<TicketView> tickets = order.status() == OrderStatus.PAID
        ? order.tickets().stream().map(t -> new TicketView(t.ticketId(), t.ticketTypeId(), t.status())).toList()
        : null;
    return of(order, order.payment(), tickets);
  }
}
