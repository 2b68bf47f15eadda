package com.tickethub.errors;

/** 400: a webhook whose signature does not verify. */
public final class InvalidSignature extends DomainException {
  public InvalidSignature(String detail) {
    super(400, "invalid_signature", "Invalid signature", detail);
  }
}
