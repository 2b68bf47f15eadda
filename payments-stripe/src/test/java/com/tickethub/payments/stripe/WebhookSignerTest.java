package com.tickethub.payments.stripe;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import com.tickethub.local.stack.WebhookSigner;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The JDK signer of the local server and the tests signs exactly as Stripe does: stripe-java accepts it. */
class WebhookSignerTest {
  private static final String BODY = "{\"id\": \"evt_1\", \"object\": \"event\"}";

  @Test
  void stripeJavaAcceptsTheSignerHeader() {
    String header = WebhookSigner.signatureHeader(BODY, "whsec_test", Instant.now());

    assertDoesNotThrow(() -> Webhook.Signature.verifyHeader(BODY, header, "whsec_test", 300));
  }

  @Test
  void stripeJavaRejectsTheHeaderUnderAnotherSecret() {
    String header = WebhookSigner.signatureHeader(BODY, "whsec_test", Instant.now());

    assertThrows(SignatureVerificationException.class,
        () -> Webhook.Signature.verifyHeader(BODY, header, "whsec_other", 300));
  }
}
