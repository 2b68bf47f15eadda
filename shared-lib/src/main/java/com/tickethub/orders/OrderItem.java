package com.tickethub.orders;

import com.tickethub.inventory.Allocation;
import java.util.List;

/**
 * One ticket type of an order: how many, at what unit price, where in the stock they are held
 * ({@code allocations}, one per shard, for the order's current generation), and whether the buyer's per-type
 * counter counts them.
 */
public record OrderItem(String ticketTypeId, int quantity, long unitPriceCents, boolean buyerLimited,
    List<Allocation> allocations) {

  public OrderItem {
    allocations = List.copyOf(allocations);
  }

  public OrderItem withAllocations(List<Allocation> taken) {
    return new OrderItem(ticketTypeId, quantity, unitPriceCents, buyerLimited, taken);
  }
}
