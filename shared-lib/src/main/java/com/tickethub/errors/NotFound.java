package com.tickethub.errors;

/** 404: no such resource, or one the caller may not know about. */
public final class NotFound extends DomainException {
  public NotFound(String detail) {
    super(404, "not_found", "Not found", detail);
  }
}
