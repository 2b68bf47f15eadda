package com.tickethub.verifier;

/**
 * The answer for one code: {@code VALID_SIGNATURE} with the ticket and event it names (the signature is
 * genuine; whether the ticket was already used is only known online), or {@code INVALID} with no ids.
 */
public record Verification(Result result, String keyId, String ticketId, String eventId) {
  public enum Result { VALID_SIGNATURE, INVALID }

  static final Verification INVALID = new Verification(Result.INVALID, null, null, null);

  public boolean isValid() {
    return result == Result.VALID_SIGNATURE;
  }
}
