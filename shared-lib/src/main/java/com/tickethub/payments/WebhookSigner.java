package com.tickethub.payments;

import com.stripe.net.Webhook;
import java.security.GeneralSecurityException;
import java.time.Instant;

/**
 * Signs a webhook body as Stripe does ({@code t=<unix>,v1=<hex HMAC-SHA256 of "t.body">}), for the
 * local server's {@code POST /_local/stripe/pay} and for tests.
 */
public final class WebhookSigner {
  private WebhookSigner() {}

  public static String signatureHeader(String body, String secret, Instant at) {
    try {
      return Webhook.Signature.generateSignatureHeader(body, secret, at.getEpochSecond());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
