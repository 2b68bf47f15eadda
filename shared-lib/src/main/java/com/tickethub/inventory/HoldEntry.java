package com.tickethub.inventory;

import java.time.Instant;

/**
 * One entry of a {@code holds} map as a reconciliation finds it: where it is (a stock shard or a buyer's
 * per-type counter), whose order and generation it belongs to, how much it holds and until when.
 * {@code expiresAt} is null for a buyer entry of a paid order, which counts for good.
 */
public record HoldEntry(Kind kind, String eventId, String ticketTypeId, int shard, String buyerId, String orderId,
    int quantity, int gen, Instant expiresAt) {

  public enum Kind { STOCK, BUYER }

  public boolean expiredAt(Instant now) {
    return expiresAt != null && !expiresAt.isAfter(now);
  }
}
