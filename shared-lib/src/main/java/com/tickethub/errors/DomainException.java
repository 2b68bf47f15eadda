package com.tickethub.errors;

import java.util.Map;

/**
 * The errors a request can end in, each with its HTTP status and the stable {@code code} of API.md.
 * They become application/problem+json in one place ({@code http.Problems}).
 */
public abstract sealed class DomainException extends RuntimeException
    permits InvalidRequest, Unauthorized, Forbidden, NotFound, SoldOut, LimitExceeded, SalesClosed,
        IdempotencyKeyReused, RequestInProgress, InvalidSignature, Conflict, TicketRejected,
        PaymentUnavailable, PaymentRejected, SeatsUnavailable, ServiceUnavailable {

  private final int status;
  private final String code;
  private final String title;

  protected DomainException(int status, String code, String title, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  /** Extra members of the problem document (RFC 9457 extensions). */
  public Map<String, Object> extensions() {
    return Map.of();
  }

  /** Headers the response must carry, such as Retry-After. */
  public Map<String, String> headers() {
    return Map.of();
  }
}
