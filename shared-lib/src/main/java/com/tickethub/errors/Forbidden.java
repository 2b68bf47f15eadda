package com.tickethub.errors;

/** 403: a valid caller without the right role, or a resource of someone else's. */
public final class Forbidden extends DomainException {
  public Forbidden(String detail) {
    super(403, "forbidden", "Forbidden", detail);
  }
}
