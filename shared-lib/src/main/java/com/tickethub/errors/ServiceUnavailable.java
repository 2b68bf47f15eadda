package com.tickethub.errors;

import java.util.Map;

/**
 * 503 service_unavailable: a service the request needs is down for a moment (on the local server, the
 * DynamoDB emulator while it is started again). Nothing was changed; the same request may be sent again.
 */
public final class ServiceUnavailable extends DomainException {
  private final long retryAfterSeconds;

  public ServiceUnavailable(String detail, long retryAfterSeconds) {
    super(503, "service_unavailable", "Service unavailable", detail);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", Long.toString(retryAfterSeconds));
  }
}
