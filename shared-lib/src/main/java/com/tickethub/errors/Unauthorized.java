package com.tickethub.errors;

/** 401: no valid token. */
public final class Unauthorized extends DomainException {
  public Unauthorized(String detail) {
    super(401, "unauthorized", "Unauthorized", detail);
  }
}
