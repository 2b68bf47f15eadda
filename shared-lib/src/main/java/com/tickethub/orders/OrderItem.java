package com.tickethub.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.tickethub.inventory.Allocation;
import com.tickethub.seats.SeatId;
import java.util.List;

/**
 * One ticket type of an order: how many, at what unit price, where in the stock they are held
 * ({@code allocations}, one per shard, for the order's current generation; {@code seats}, the seat ids in row and
 * number order, for a seated type), and whether the buyer's per-type counter counts them. The order's tickets of
 * a seated item are its seats, in that order.
 */
public record OrderItem(String ticketTypeId, int quantity, long unitPriceCents, boolean buyerLimited,
    List<Allocation> allocations, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> seats) {

  public OrderItem {
    allocations = List.copyOf(allocations);
    seats = seats == null ? List.of() : List.copyOf(seats);
  }

  public OrderItem(String ticketTypeId, int quantity, long unitPriceCents, boolean buyerLimited,
      List<Allocation> allocations) {
    this(ticketTypeId, quantity, unitPriceCents, buyerLimited, allocations, List.of());
  }

  public OrderItem withAllocations(List<Allocation> taken) {
    return new OrderItem(ticketTypeId, quantity, unitPriceCents, buyerLimited, taken, seats);
  }

  public OrderItem withSeats(List<SeatId> taken) {
    return new OrderItem(ticketTypeId, quantity, unitPriceCents, buyerLimited, allocations,
        taken.stream().sorted().map(SeatId::toString).toList());
  }

  public boolean seated() {
    return !seats.isEmpty();
  }

  public List<SeatId> seatIds() {
    return seats.stream().map(id -> SeatId.parse("seats", id)).toList();
  }
}
