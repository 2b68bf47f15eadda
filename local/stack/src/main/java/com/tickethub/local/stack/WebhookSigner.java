package com.tickethub.local.stack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook body as Stripe does ({@code t=<unix>,v1=<hex HMAC-SHA256 of "t.body">}), for the
 * local server's {@code POST /_local/stripe/pay} and for tests. Plain JDK, so that the local server
 * and the functions that never talk to Stripe do not carry stripe-java.
 */
public final class WebhookSigner {
  private WebhookSigner() {}

  public static String signatureHeader(String body, String secret, Instant at) {
    long timestamp = at.getEpochSecond();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] signature = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
