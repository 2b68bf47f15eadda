package com.tickethub.orders;

import com.tickethub.tickets.Ticket;
import com.tickethub.tickets.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An order as stored. {@code payment} is null for a free order; {@code ticketIds} is empty until it is paid.
 * The ticket ids are derived from the order id and the position of each ticket, so that issuing an
 * order's tickets twice (a retried payment event, the sweep finishing a crashed free order) writes the same tickets.
 */
public record Order(
    String orderId,
    String buyerId,
    String eventId,
    List<OrderItem> items,
    long amountCents,
    String currency,
    OrderStatus status,
    Instant expiresAt,
    Payment payment,
    String lastPaymentError,
    List<String> ticketIds,
    Instant createdAt) {

  public Order {
    items = List.copyOf(items);
    ticketIds = List.copyOf(ticketIds);
  }

  /** The tickets a paid order has: one per unit of each item, in item order. */
  public List<Ticket> tickets() {
    List<Ticket> tickets = new ArrayList<>();
    for (OrderItem item : items) {
      for (int i = 0; i < item.quantity(); i++) {
        tickets.add(new Ticket(Ticket.idFor(orderId, tickets.size()), orderId, eventId, item.ticketTypeId(), buyerId,
            TicketStatus.ISSUED, null, null));
      }
    }
    return tickets;
  }

  /** This order as paid at once (a free order): PAID, with the ids of its tickets. */
  public Order paidWithTickets() {
    return new Order(orderId, buyerId, eventId, items, amountCents, currency, OrderStatus.PAID, expiresAt, payment,
        lastPaymentError, tickets().stream().map(Ticket::ticketId).toList(), createdAt);
  }

  public int ticketCount() {
    return items.stream().mapToInt(OrderItem::quantity).sum();
  }
}
