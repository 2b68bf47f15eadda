package com.tickethub.seats;

/**
 * A taken seat's entry in its row item's {@code seats} map: {@code st} and, for a hold or a sale, the order
 * ({@code o}), the order's hold generation ({@code g}) and, while held, the expiry ({@code exp}, epoch seconds).
 * Free seats have no entry.
 */
public record SeatEntry(SeatState state, String orderId, Long generation, Long expiresAt) {
  public static final SeatEntry BLOCKED = new SeatEntry(SeatState.BLOCKED, null, null, null);

  /** True if this is a hold, or a sale, of exactly that order's generation. */
  public boolean of(SeatState expected, String order, long gen) {
    return state == expected && order.equals(orderId) && generation != null && generation == gen;
  }
}
