package com.tickethub.orders;

import com.tickethub.auth.Caller;
import com.tickethub.errors.NotFound;
import com.tickethub.events.EventService;
import com.tickethub.tickets.Ticket;
import com.tickethub.tickets.TicketRepository;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Singleton;

/** {@code GET /orders/{orderId}}: the order for its buyer or its event's organizer, with its tickets once paid. */
@Singleton
public class OrderService {
  private final OrderRepository orders;
  private final EventService events;
  private final TicketRepository tickets;

  @Inject
  public OrderService(OrderRepository orders, EventService events, TicketRepository tickets) {
    this.orders = orders;
    this.events = events;
    this.tickets = tickets;
  }

  /** 404 to anyone but the buyer and the organizer, so an order id tells a stranger nothing. */
  public OrderView get(Caller caller, String orderId) {
    Order order = orders.find(orderId).orElseThrow(() -> notFound(orderId));
    boolean buyer = order.buyerId().equals(caller.sub());
    if (!buyer && !events.find(order.eventId()).organizerId().equals(caller.sub())) {
      throw notFound(orderId);
    }
    Payment payment = order.payment() == null || buyer ? order.payment()
        : new Payment(order.payment().provider(), order.payment().paymentIntentId(), null);
    // The payment flow marks an order PAID just before it writes the tickets: for that moment (or until a
    // redelivery finishes a flow that died there) the order shows the tickets that exist so far.
    List<OrderView.TicketView> issued = order.ticketIds().isEmpty() ? null
        : tickets.findAll(order.ticketIds()).stream().map(OrderService::view).toList();
    return OrderView.of(order, payment, issued);
  }

  private static OrderView.TicketView view(Ticket ticket) {
    return new OrderView.TicketView(ticket.ticketId(), ticket.ticketTypeId(), ticket.status());
  }

  private static NotFound notFound(String orderId) {
    return new NotFound("No order " + orderId);
  }
}
