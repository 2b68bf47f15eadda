package com.tickethub.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.tickethub.seats.SeatView;
import com.tickethub.tickets.Ticket;
import com.tickethub.tickets.TicketStatus;
import java.time.Instant;
import java.util.List;

/**
 * An order in API responses, with the status the API shows ({@link OrderStatus#shown}). {@code expiresAt} and
 * {@code payment} are shown while it awaits payment, {@code tickets} once it was paid (all of them, since they are
 * issued with the payment); {@code payment.clientSecret} only to the buyer; {@code history} to the buyer and the
 * organizer.
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
    List<HistoryEntry> history,
    Instant createdAt) {

  /** A line of the order; {@code priceCents} is the unit price, as on the ticket type; {@code seats} for a seated type. */
  public record Item(String ticketTypeId, int quantity, long priceCents,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> seats) {}

  public record TicketView(String ticketId, String ticketTypeId, TicketStatus status,
      @JsonInclude(JsonInclude.Include.NON_NULL) SeatView seat) {
    static TicketView of(Ticket ticket) {
      return new TicketView(ticket.ticketId(), ticket.ticketTypeId(), ticket.status(), ticket.seat());
    }
  }

  /** The order as {@code payment} shows it (the buyer's own, or one without its client secret). */
  static OrderView of(Order order, Payment payment) {
    OrderStatus shown = order.status().shown();
    boolean pending = shown == OrderStatus.PENDING_PAYMENT;
    return new OrderView(order.orderId(), order.eventId(), shown,
        order.items().stream().map(i -> new Item(i.ticketTypeId(), i.quantity(), i.unitPriceCents(), i.seats()))
            .toList(),
        order.amountCents(), order.currency(), pending ? order.expiresAt() : null, pending ? payment : null,
        order.lastPaymentError(), order.wasPaid() ? order.tickets().stream().map(TicketView::of).toList() : null,
        order.history(), order.createdAt());
  }
}
