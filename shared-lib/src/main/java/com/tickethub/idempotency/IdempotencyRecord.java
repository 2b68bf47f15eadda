package com.tickethub.idempotency;

/**
 * One key's record, in the Powertools layout: {@code status} INPROGRESS or COMPLETED, {@code data} the stored result;
 * {@code token} is ours ({@link Claim}), absent from records that Powertools wrote.
 */
public record IdempotencyRecord(String id, Status status, String validation, String data,
    long expirationEpochSeconds, long inProgressExpirationEpochMillis, String token) {

  public enum Status { INPROGRESS, COMPLETED }
}
