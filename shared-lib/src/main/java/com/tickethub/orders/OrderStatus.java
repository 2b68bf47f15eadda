package com.tickethub.orders;

/** An order's life (API.md "Order states"): only PENDING_PAYMENT moves on, PAID may still be refunded. */
public enum OrderStatus { PENDING_PAYMENT, PAID, EXPIRED, CANCELLED, REFUNDED }
