package com.tickethub.inventory;

/** One ticket type's counts, summed over its shards. Always {@code available + held + sold == capacity}. */
public record TypeCounts(long capacity, long available, long held, long sold) {
  public static final TypeCounts ZERO = new TypeCounts(0, 0, 0, 0);

  public TypeCounts plus(TypeCounts other) {
    return new TypeCounts(capacity + other.capacity, available + other.available, held + other.held, sold + other.sold);
  }
}
