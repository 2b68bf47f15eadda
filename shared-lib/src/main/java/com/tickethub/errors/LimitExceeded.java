package com.tickethub.errors;

/** 422: more tickets than maxPerOrder or maxPerBuyer allow. */
public final class LimitExceeded extends DomainException {
  public LimitExceeded(String detail) {
    super(422, "limit_exceeded", "Limit exceeded", detail);
  }
}
