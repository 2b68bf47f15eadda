package com.tickethub.idempotency;

/**
 * The claim a run holds on its key. {@code token} is chosen when the key is first claimed and kept when a
 * later run takes over a claim whose Lambda died ({@code resumed}): the purchase uses it as the order id, so a
 * retry after a crash continues the same order, while a fresh claim (a new key, or one whose record expired)
 * starts a new one without reading anything first.
 */
public record Claim(String token, boolean resumed) {}
