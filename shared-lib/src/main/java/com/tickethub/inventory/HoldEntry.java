package com.tickethub.inventory;

import java.time.Instant;

/**
 * One entry of a {@code holds} map as the sweep finds it: where it is (an inventory shard or a buyer's
 * per-type counter), whose order it belongs to, how much it holds and until when. {@code expiresAt} is
 * null for a buyer entry of a paid order, which counts for good.
 */
public record HoldEntry(Kind kind, String eventId, String ticketTypeId, int shard, String buyerId, String orderId,
    int quantity, Instant expiresAt) {

  public enum Kind { INVENTORY, BUYER }

  public boolean expiredAt(Instant now) {
    return expiresAt != null && !expiresAt.isAfter(now);
  }
}
