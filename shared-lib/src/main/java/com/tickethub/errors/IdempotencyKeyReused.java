package com.tickethub.errors;

/** 422: the same Idempotency-Key was sent before with another body. */
public final class IdempotencyKeyReused extends DomainException {
  public IdempotencyKeyReused(String detail) {
    super(422, "idempotency_key_reused", "Idempotency key reused", detail);
  }
}
