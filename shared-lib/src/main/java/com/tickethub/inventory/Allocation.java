package com.tickethub.inventory;

/** The part of an order's quantity of one ticket type that is held (or sold) in one shard. */
public record Allocation(int shard, int quantity) {}
