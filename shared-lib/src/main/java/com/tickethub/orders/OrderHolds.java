package com.tickethub.orders;

import com.tickethub.inventory.Allocation;
import com.tickethub.inventory.BuyerLimitRepository;
import com.tickethub.inventory.InventoryRepository;
import com.tickethub.tickets.TicketRepository;
import com.tickethub.tickets.VoidOutcome;
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
    settle(order, Checkpoints.NONE);
  }

  /** {@link #settle(Order)}, passing the checkpoints between its writes (the payment crash tests stop there). */
  void settle(Order order, Checkpoints checkpoints) {
    tickets.issue(order.tickets());
    checkpoints.reached(Checkpoint.TICKETS_ISSUED);
    for (OrderItem item : order.items()) {
      for (Allocation allocation : item.allocations()) {
        inventory.commit(order.eventId(), item.ticketTypeId(), order.orderId(), allocation.shard());
        checkpoints.reached(Checkpoint.HOLD_COMMITTED);
      }
      if (item.buyerLimited()) {
        buyers.commit(order.eventId(), item.ticketTypeId(), order.buyerId(), order.orderId());
      }
    }
  }

  /**
   * Voids a paid order's tickets, all or (if one is checked in) none, after finishing its settlement so that
   * every ticket exists. Tickets already VOID count as voided.
   */
  public VoidOutcome voidTickets(Order order) {
    settle(order);
    return tickets.voidTickets(order.ticketIds());
  }

  /**
   * Undoes the sale of a REFUNDED order that was paid: finishes its settlement first (a crash may have left
   * it half done, and only sold tickets can go back), voids its tickets and, unless one of them is checked
   * in (then nothing is voided), puts them back on sale and uncounts them for the buyer. Each step counts
   * once per order, so this can run any number of times.
   */
  public VoidOutcome unsell(Order order) {
    VoidOutcome voided = voidTickets(order);
    if (voided.anyCheckedIn()) {
      return voided;
    }
    for (OrderItem item : order.items()) {
      for (Allocation allocation : item.allocations()) {
        inventory.returnSold(order.eventId(), item.ticketTypeId(), order.orderId(), allocation.shard(),
            allocation.quantity());
      }
      if (item.buyerLimited()) {
        buyers.release(order.eventId(), item.ticketTypeId(), order.buyerId(), order.orderId());
      }
    }
    return voided;
  }
}
