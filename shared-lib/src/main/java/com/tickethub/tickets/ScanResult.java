package com.tickethub.tickets;

/** The answers of {@code POST /tickets/validate}, with their HTTP status (API.md). */
public enum ScanResult {
  VALID(200),
  ALREADY_USED(409),
  INVALID(422),
  WRONG_EVENT(422),
  VOID(422);

  private final int status;

  ScanResult(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }
}
