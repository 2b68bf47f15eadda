package com.tickethub.idempotency;

/** One key's record, in the Powertools layout: {@code status} INPROGRESS or COMPLETED, {@code data} the stored result. */
public record IdempotencyRecord(String id, Status status, String validation, String data,
    long expirationEpochSeconds, long inProgressExpirationEpochMillis) {

  public enum Status { INPROGRESS, COMPLETED }
}
