package com.tickethub.payments.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import com.tickethub.errors.InvalidSignature;
import com.tickethub.payments.StripeSignature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our check of {@code Stripe-Signature} decides every header as stripe-java's {@code Webhook.Signature} does:
 * same payload, secret, tolerance and clock, same verdict.
 */
class StripeSignatureTest {
  private static final String BODY = "{\"id\": \"evt_1\", \"object\": \"event\"}";
  private static final String SECRET = "whsec_test";
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final long TOLERANCE = 300;

  static Stream<Arguments> headers() {
    String valid = StripeSignature.header(BODY, SECRET, NOW);
    String v1 = valid.substring(valid.indexOf("v1="));
    String other = StripeSignature.header(BODY, "whsec_other", NOW);
    return Stream.of(
        Arguments.of("valid", BODY, valid),
        Arguments.of("tampered body", BODY.replace("evt_1", "evt_2"), valid),
        Arguments.of("another secret", BODY, other),
        Arguments.of("exactly at the tolerance", BODY, StripeSignature.header(BODY, SECRET, NOW.minusSeconds(TOLERANCE))),
        Arguments.of("a second past the tolerance", BODY,
            StripeSignature.header(BODY, SECRET, NOW.minusSeconds(TOLERANCE + 1))),
        Arguments.of("signed in the future", BODY, StripeSignature.header(BODY, SECRET, NOW.plusSeconds(3600))),
        Arguments.of("one valid among several v1", BODY, other + "," + v1),
        Arguments.of("several v1, none valid", BODY, other + "," + other.substring(other.indexOf("v1="))),
        Arguments.of("only a v0 signature", BODY, valid.replace("v1=", "v0=")),
        Arguments.of("upper-case hex", BODY, "t=" + NOW.getEpochSecond() + "," + v1.toUpperCase().replace("V1=", "v1=")),
        Arguments.of("space after the comma", BODY, valid.replace(",", ", ")),
        Arguments.of("no timestamp", BODY, v1),
        Arguments.of("timestamp zero", BODY, "t=0," + v1),
        Arguments.of("negative timestamp", BODY, "t=-5," + v1),
        Arguments.of("extra unknown entries", BODY, "x=1," + valid + ",y"),
        Arguments.of("empty header", BODY, ","));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headers")
  void decidesAsStripeJavaDoes(String name, String payload, String header) {
    assertEquals(stripeJavaAccepts(payload, header), weAccept(payload, header), name);
  }

  private static boolean weAccept(String payload, String header) {
    try {
      StripeSignature.verify(payload, header, SECRET, TOLERANCE, CLOCK);
      return true;
    } catch (InvalidSignature e) {
      return false;
    }
  }

  private static boolean stripeJavaAccepts(String payload, String header) {
    try {
      return Webhook.Signature.verifyHeader(payload, header, SECRET, TOLERANCE, CLOCK);
    } catch (SignatureVerificationException e) {
      return false;
    }
  }
}
