package com.tickethub.errors;

import java.util.Map;

/** 400 invalid_request: input that breaks the contract; {@code field} names where. */
public final class InvalidRequest extends DomainException {
  private final String field;

  public InvalidRequest(String field, String detail) {
    super(400, "invalid_request", "Invalid request", field == null ? detail : field + ": " + detail);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** The same problem, seen from an enclosing object: {@code items[2]} + {@code quantity}. */
  public InvalidRequest within(String path) {
    String reason = field == null ? getMessage() : getMessage().substring(field.length() + 2);
    return new InvalidRequest(field == null ? path : path + "." + field, reason);
  }

  @Override
  public Map<String, Object> extensions() {
    return field == null ? Map.of() : Map.of("field", field);
  }
}
