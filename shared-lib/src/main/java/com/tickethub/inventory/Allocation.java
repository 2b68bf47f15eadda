package com.tickethub.inventory;

/** The part of an order's quantity of one ticket type that is held in one shard. */
public record Allocation(int shard, int quantity) {}
