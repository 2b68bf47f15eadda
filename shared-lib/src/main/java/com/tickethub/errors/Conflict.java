package com.tickethub.errors;

/** 409 with a specific code: the resource is in a state that forbids the request (already_checked_in, ...). */
public final class Conflict extends DomainException {
  public Conflict(String code, String detail) {
    super(409, code, "Conflict", detail);
  }
}
