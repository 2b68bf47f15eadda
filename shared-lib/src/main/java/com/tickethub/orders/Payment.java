package com.tickethub.orders;

/** The PaymentIntent that pays an order: the buyer's browser confirms it with {@code clientSecret}. */
public record Payment(String provider, String paymentIntentId, String clientSecret) {}
