package com.tickethub.payments;

/** A provider's PaymentIntent: its id, and the secret the buyer's browser confirms it with. */
public record PaymentIntent(String id, String clientSecret) {}
