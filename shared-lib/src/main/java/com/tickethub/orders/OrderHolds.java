package com.tickethub.orders;

import com.tickethub.inventory.Allocation;
import com.tickethub.inventory.BuyerLimitRepository;
import com.tickethub.inventory.InventoryRepository;
import com.tickethub.tickets.TicketRepository;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * What an order holds, given back or made final. Every step is conditional on the order's own entry, so
 * each method can run any number of times (a retry, the queue and the sweep at once): each ticket moves once.
 */
@Singleton
public class OrderHolds {
  private final InventoryRepository inventory;
  private final BuyerLimitRepository buyers;
  private final TicketRepository tickets;

  @Inject
  public OrderHolds(InventoryRepository inventory, BuyerLimitRepository buyers, TicketRepository tickets) {
    this.inventory = inventory;
    this.buyers = buyers;
    this.tickets = tickets;
  }

  /** Gives the order's held tickets back to sale and uncounts them for the buyer (expired, cancelled, failed). */
  public void release(Order order) {
    release(order.eventId(), order.buyerId(), order.orderId(), order.items());
  }

  void release(String eventId, String buyerId, String orderId, List<OrderItem> items) {
    for (OrderItem item : items) {
      for (Allocation allocation : item.allocations()) {
        inventory.release(eventId, item.ticketTypeId(), orderId, allocation.shard());
      }
      if (item.buyerLimited()) {
        buyers.release(eventId, item.ticketTypeId(), buyerId, orderId);
      }
    }
  }

  /**
   * Finishes a PAID order: issues its tickets to the buyer and turns its holds into {@code sold} (the buyer's
   * count stays). The payments flow calls this after {@link OrderRepository#markPaid}; the sweep calls it for a
   * paid order whose holds are still open (a crash between the two).
   */
  public void settle(Order order) {
    tickets.issue(order.tickets());
    for (OrderItem item : order.items()) {
      for (Allocation allocation : item.allocations()) {
        inventory.commit(order.eventId(), item.ticketTypeId(), order.orderId(), allocation.shard());
      }
      if (item.buyerLimited()) {
        buyers.commit(order.eventId(), item.ticketTypeId(), order.buyerId(), order.orderId());
      }
    }
  }
}
