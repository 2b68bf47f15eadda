package com.tickethub.tickets;

import com.tickethub.errors.InvalidRequest;
import com.tickethub.http.Validation;

/**
 * The body of {@code POST /tickets/validate}. The code is taken as it is, even empty or huge: whatever
 * it holds, the signature check answers INVALID, and that is the scanner's answer.
 */
public record ValidateRequest(String code, String eventId, String gate) {
  public ValidateRequest {
    if (code == null) {
      throw new InvalidRequest("code", "is required");
    }
    eventId = Validation.text("eventId", eventId, 64);
    gate = Validation.text("gate", gate, 64);
  }
}
