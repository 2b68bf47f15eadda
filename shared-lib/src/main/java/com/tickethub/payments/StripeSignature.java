package com.tickethub.payments;

import com.tickethub.errors.InvalidSignature;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature, {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">}
 * (more v1 entries while a secret is being rolled), checked exactly as stripe-java's
 * {@code Webhook.Signature.verifyHeader} checks it, which a test compares case by case. Plain JDK: the functions
 * carry no Stripe library, and the local server signs its payments with {@link #header}.
 */
public final class StripeSignature {
  private static final String SCHEME = "v1";

  private StripeSignature() {}

  /** The header Stripe would send with {@code payload} signed at {@code at}. */
  public static String header(String payload, String secret, Instant at) {
    long timestamp = at.getEpochSecond();
    return "t=" + timestamp + "," + SCHEME + "=" + HexFormat.of().formatHex(hmac(timestamp, payload, secret));
  }

  /**
   * Accepts the header if one of its v1 signatures is the payload's under {@code secret}, and its timestamp is
   * at most {@code toleranceSeconds} old on {@code clock}; InvalidSignature otherwise.
   */
  public static void verify(String payload, String header, String secret, long toleranceSeconds, Clock clock) {
    long timestamp = -1;
    List<String> signatures = new ArrayList<>();
    for (String part : header.split(",")) {
      String[] pair = part.split("=", 2);
      if (pair.length != 2) {
        continue;
      }
      if (pair[0].equals("t")) {
        timestamp = timestamp(pair[1]);
      } else if (pair[0].equals(SCHEME)) {
        signatures.add(pair[1]);
      }
    }
    if (timestamp <= 0) {
      throw new InvalidSignature("Unable to extract timestamp and signatures from header");
    }
    if (signatures.isEmpty()) {
      throw new InvalidSignature("No signatures found with expected scheme");
    }
    byte[] expected = HexFormat.of().formatHex(hmac(timestamp, payload, secret)).getBytes(StandardCharsets.UTF_8);
    // Constant time, so that the comparison does not tell an attacker how much of a guess was right.
    boolean matches = signatures.stream()
        .anyMatch(s -> MessageDigest.isEqual(expected, s.getBytes(StandardCharsets.UTF_8)));
    if (!matches) {
      throw new InvalidSignature("No signatures found matching the expected signature for payload");
    }
    if (toleranceSeconds > 0 && timestamp < clock.instant().getEpochSecond() - toleranceSeconds) {
      throw new InvalidSignature("Timestamp outside the tolerance zone");
    }
  }

  private static long timestamp(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new InvalidSignature("The Stripe-Signature header is malformed");
    }
  }

  private static byte[] hmac(long timestamp, String payload, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
