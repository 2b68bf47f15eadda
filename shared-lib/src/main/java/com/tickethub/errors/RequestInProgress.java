package com.tickethub.errors;

import java.util.Map;

/** 409 request_in_progress: the first request with this Idempotency-Key is still running. */
public final class RequestInProgress extends DomainException {
  private final long retryAfterSeconds;

  public RequestInProgress(long retryAfterSeconds) {
    super(409, "request_in_progress", "Request in progress",
        "A request with this Idempotency-Key is still being processed; retry later");
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", Long.toString(retryAfterSeconds));
  }
}
