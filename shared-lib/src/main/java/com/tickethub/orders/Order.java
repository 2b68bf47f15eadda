package com.tickethub.orders;

import com.tickethub.seats.SeatView;
import com.tickethub.tickets.Ticket;
import com.tickethub.tickets.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An order as stored (model/PROTOCOL.md, "Items"). {@code gen} is the generation of holds it owns;
 * {@code payment} is null for a free order; {@code paidAt} is set once it was paid, which is when its tickets
 * exist: they are its positions, issued by the write that made it PAID, never separate items, so an order is
 * never PAID without them. {@code dueAt} is when an open order (PENDING_PAYMENT, RETAKING, REFUNDING) must be
 * looked at by the sweep, and for RETAKING the end of its worker's lease. {@code checkins} maps a ticket's
 * position to its check-in; {@code refund} says who decided a refund (set from REFUNDING on).
 */
public record Order(
    String orderId,
    String buyerId,
    String eventId,
    List<OrderItem> items,
    long amountCents,
    String currency,
    OrderStatus status,
    int gen,
    Instant expiresAt,
    Payment payment,
    String lastPaymentError,
    Instant createdAt,
    Instant paidAt,
    Instant dueAt,
    Refund refund,
    Map<Integer, CheckIn> checkins,
    List<HistoryEntry> history) {

  public Order {
    items = List.copyOf(items);
    checkins = Map.copyOf(checkins);
    history = List.copyOf(history);
  }

  /** A new order, PENDING_PAYMENT (or PAID at once when free), generation 1. */
  public static Order create(String orderId, String buyerId, String eventId, List<OrderItem> items, long amountCents,
      String currency, Instant expiresAt, Payment payment, Instant now) {
    boolean free = amountCents == 0;
    return new Order(orderId, buyerId, eventId, items, amountCents, currency,
        free ? OrderStatus.PAID : OrderStatus.PENDING_PAYMENT, 1, expiresAt, payment, null, now, free ? now : null,
        free ? null : expiresAt, null, Map.of(), List.of());
  }

  /** A ticket held or checked in at the gate. */
  public record CheckIn(Instant at, String gate) {}

  /** Who decided the order's refund and whether the money already went back outside TicketHub. */
  public record Refund(String by, boolean external, Instant requestedAt, Instant completedAt) {}

  public boolean wasPaid() {
    return paidAt != null;
  }

  public int ticketCount() {
    return items.stream().mapToInt(OrderItem::quantity).sum();
  }

  /** The order's tickets, one per unit of each item in item order, once it was paid; none before. */
  public List<Ticket> tickets() {
    List<Ticket> tickets = new ArrayList<>();
    if (!wasPaid()) {
      return tickets;
    }
    for (OrderItem item : items) {
      for (int i = 0; i < item.quantity(); i++) {
        tickets.add(ticket(tickets.size(), item, item.seated() ? SeatView.of(item.seats().get(i)) : null));
      }
    }
    return tickets;
  }

  /** The ticket at {@code position}, if the order was paid and has one there. */
  public Optional<Ticket> ticket(int position) {
    List<Ticket> tickets = tickets();
    return position >= 0 && position < tickets.size() ? Optional.of(tickets.get(position)) : Optional.empty();
  }

  /**
   * Checked in wins over void: a ticket used before a refund made in Stripe stays CHECKED_IN. A seated item's
   * tickets are its seats, in the item's (row and number) order.
   */
  private Ticket ticket(int position, OrderItem item, SeatView seat) {
    CheckIn checkIn = checkins.get(position);
    TicketStatus state = checkIn != null ? TicketStatus.CHECKED_IN
        : status.refunded() ? TicketStatus.VOID : TicketStatus.ISSUED;
    return new Ticket(Ticket.idFor(orderId, position), orderId, position, eventId, item.ticketTypeId(), buyerId,
        state, checkIn == null ? null : checkIn.at(), checkIn == null ? null : checkIn.gate(), seat);
  }

  /** How many tickets of each type are checked in. */
  public Map<String, Long> checkedInByType() {
    Map<String, Long> counts = new HashMap<>();
    tickets().stream().filter(t -> t.status() == TicketStatus.CHECKED_IN)
        .forEach(t -> counts.merge(t.ticketTypeId(), 1L, Long::sum));
    return counts;
  }
}
