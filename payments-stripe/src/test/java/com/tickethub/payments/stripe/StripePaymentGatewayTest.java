package com.tickethub.payments.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static com.tickethub.testing.Requests.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.tickethub.errors.Conflict;
import com.tickethub.errors.PaymentRejected;
import com.tickethub.errors.PaymentUnavailable;
import com.tickethub.payments.PaymentIntent;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway and its Stripe API client against a stub of Stripe's API on a loopback port. */
class StripePaymentGatewayTest {
  private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(300);
  private static final int ATTEMPTS = 1 + StripePaymentGateway.MAX_NETWORK_RETRIES;

  private static WireMockServer stripe;
  private StripePaymentGateway gateway;

  @BeforeAll
  static void startStub() {
    stripe = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    stripe.start();
  }

  @AfterAll
  static void stopStub() {
    stripe.stop();
  }

  @BeforeEach
  void freshStub() {
    stripe.resetAll();
    // The production read timeout: a stub answering on a loaded build machine must not look like an outage.
    gateway = new StripePaymentGateway(
        StripePaymentGateway.client(() -> "sk_test_stub", stripe.baseUrl(), StripePaymentGateway.READ_TIMEOUT));
  }

  @Test
  void createIntentSendsAmountCurrencyOrderIdAndTheOrderIdAsIdempotencyKey() {
    stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(json(200, "payment-intent.json")));

    PaymentIntent intent = gateway.createIntent("ord-1", 5000, "EUR");

    assertEquals(new PaymentIntent("pi_3QTestIntent000001", "pi_3QTestIntent000001_secret_AbCdEf0123456789"), intent);
    stripe.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/payment_intents"))
        .withHeader("Idempotency-Key", equalTo("ord-1"))
        .withHeader("Authorization", equalTo("Bearer sk_test_stub"))
        .withHeader("Stripe-Version", equalTo(StripeApi.API_VERSION))
        .withFormParam("amount", equalTo("5000"))
        .withFormParam("currency", equalTo("eur"))
        .withFormParam("metadata[orderId]", equalTo("ord-1"))
        .withFormParam("automatic_payment_methods[enabled]", equalTo("true")));
  }

  @Test
  void cancelPostsToTheIntentsCancelEndpoint() {
    stripe.stubFor(post(urlEqualTo("/v1/payment_intents/pi_3QTestIntent000001/cancel"))
        .willReturn(json(200, "payment-intent-canceled.json")));

    gateway.cancelIntent("pi_3QTestIntent000001");

    stripe.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/payment_intents/pi_3QTestIntent000001/cancel")));
  }

  @Test
  void cancelOfAnAlreadyCanceledIntentSucceeds() {
    stripe.stubFor(post(urlEqualTo("/v1/payment_intents/pi_3QTestIntent000001/cancel"))
        .willReturn(json(400, "cancel-unexpected-state-canceled.json")));

    gateway.cancelIntent("pi_3QTestIntent000001");

    stripe.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/payment_intents/pi_3QTestIntent000001/cancel")));
  }

  @Test
  void cancelOfASucceededIntentIsAConflict() {
    stripe.stubFor(post(urlEqualTo("/v1/payment_intents/pi_3QTestIntent000001/cancel"))
        .willReturn(json(400, "cancel-unexpected-state-succeeded.json")));

    Conflict e = assertThrows(Conflict.class, () -> gateway.cancelIntent("pi_3QTestIntent000001"));

    assertEquals("payment_succeeded", e.code());
  }

  @Test
  void refundRefundsTheWholeIntentWithTheGivenIdempotencyKey() {
    stripe.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(json(200, "refund.json")));

    gateway.refund("pi_3QTestIntent000001", "refund#ord-1");

    stripe.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/refunds"))
        .withHeader("Idempotency-Key", equalTo("refund#ord-1"))
        .withFormParam("payment_intent", equalTo("pi_3QTestIntent000001")));
    List<LoggedRequest> refunds = stripe.findAll(postRequestedFor(urlEqualTo("/v1/refunds")));
    assertEquals("payment_intent=pi_3QTestIntent000001", refunds.get(0).getBodyAsString(),
        "a full refund names no amount");
  }

  @Test
  void refundOfAnAlreadyRefundedChargeSucceeds() {
    stripe.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(json(400, "charge-already-refunded.json")));

    gateway.refund("pi_3QTestIntent000001", "refund#ord-1");

    stripe.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/refunds")));
  }

  @Test
  void cardDeclinedIsPaymentDeclinedWithStripesMessageForThePayer() {
    stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(json(402, "card-declined.json")));

    PaymentRejected e = assertThrows(PaymentRejected.class, () -> gateway.createIntent("ord-2", 5000, "EUR"));

    assertEquals(402, e.status());
    assertEquals("payment_declined", e.code());
    assertEquals("Your card has insufficient funds.", e.detail());
    assertEquals("insufficient_funds", e.extensions().get("declineCode"));
    stripe.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/payment_intents")));
  }

  @Test
  void invalidRequestIsPaymentRejectedWithoutStripesDeveloperMessage() {
    stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(json(400, "invalid-amount.json")));

    PaymentRejected e = assertThrows(PaymentRejected.class, () -> gateway.createIntent("ord-3", 10, "EUR"));

    assertEquals(422, e.status());
    assertEquals("payment_rejected", e.code());
    assertEquals("The payment provider rejected the request", e.detail());
  }

  @Test
  void serverErrorIsRetriedWithTheSameKeyThenPaymentUnavailable() {
    stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(json(500, "api-error.json")));

    PaymentUnavailable e = assertThrows(PaymentUnavailable.class, () -> gateway.createIntent("ord-4", 5000, "EUR"));

    assertEquals(503, e.status());
    assertEquals("payment_unavailable", e.code());
    assertEquals("5", e.headers().get("Retry-After"));
    stripe.verify(exactly(ATTEMPTS), postRequestedFor(urlEqualTo("/v1/payment_intents"))
        .withHeader("Idempotency-Key", equalTo("ord-4")));
  }

  @Test
  void stripeShouldRetryFalseIsNotRetried() {
    stripe.stubFor(post(urlEqualTo("/v1/payment_intents"))
        .willReturn(json(500, "api-error.json").withHeader("Stripe-Should-Retry", "false")));

    assertThrows(PaymentUnavailable.class, () -> gateway.createIntent("ord-7", 5000, "EUR"));

    stripe.verify(exactly(1), postRequestedFor(urlEqualTo("/v1/payment_intents")));
  }

  @Test
  void aConflictIsRetriedWithTheSameKey() {
    stripe.stubFor(post(urlEqualTo("/v1/refunds")).inScenario("lock").whenScenarioStateIs(STARTED)
        .willReturn(json(409, "api-error.json")).willSetStateTo("free"));
    stripe.stubFor(post(urlEqualTo("/v1/refunds")).inScenario("lock").whenScenarioStateIs("free")
        .willReturn(json(200, "refund.json")));

    gateway.refund("pi_3QTestIntent000001", "refund#ord-8");

    stripe.verify(exactly(2), postRequestedFor(urlEqualTo("/v1/refunds"))
        .withHeader("Idempotency-Key", equalTo("refund#ord-8")));
  }

  @Test
  void aCancelsRetriesCarryOneGeneratedIdempotencyKey() {
    stripe.stubFor(post(urlEqualTo("/v1/payment_intents/pi_3QTestIntent000001/cancel"))
        .willReturn(json(500, "api-error.json")));

    assertThrows(PaymentUnavailable.class, () -> gateway.cancelIntent("pi_3QTestIntent000001"));

    List<LoggedRequest> attempts =
        stripe.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents/pi_3QTestIntent000001/cancel")));
    assertEquals(ATTEMPTS, attempts.size());
    assertEquals(1, attempts.stream().map(r -> r.getHeader("Idempotency-Key")).distinct().count());
  }

  @Test
  void primingReadsAMissingIntentOnceAndWritesNothing() {
    stripe.stubFor(get(urlEqualTo("/v1/payment_intents/pi_priming")).willReturn(json(404, "invalid-amount.json")));

    StripePaymentGateway.client(() -> "sk_test_stub", stripe.baseUrl(), StripePaymentGateway.READ_TIMEOUT).prime();

    stripe.verify(exactly(1), getRequestedFor(urlEqualTo("/v1/payment_intents/pi_priming")));
    stripe.verify(exactly(0), postRequestedFor(anyUrl()));
  }

  @Test
  void responseSlowerThanTheReadTimeoutIsPaymentUnavailable() {
    stripe.stubFor(post(urlEqualTo("/v1/payment_intents"))
        .willReturn(json(200, "payment-intent.json").withFixedDelay((int) SHORT_READ_TIMEOUT.toMillis() * 5)));

    StripePaymentGateway impatient = new StripePaymentGateway(
        StripePaymentGateway.client(() -> "sk_test_stub", stripe.baseUrl(), SHORT_READ_TIMEOUT));

    assertThrows(PaymentUnavailable.class, () -> impatient.createIntent("ord-5", 5000, "EUR"));

    stripe.verify(exactly(ATTEMPTS), postRequestedFor(urlEqualTo("/v1/payment_intents"))
        .withHeader("Idempotency-Key", equalTo("ord-5")));
  }

  @Test
  void refusedConnectionIsPaymentUnavailable() throws IOException {
    String closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = "http://127.0.0.1:" + socket.getLocalPort();
    }
    StripePaymentGateway unreachable = new StripePaymentGateway(
        StripePaymentGateway.client(() -> "sk_test_stub", closedPort, SHORT_READ_TIMEOUT));

    assertThrows(PaymentUnavailable.class, () -> unreachable.refund("pi_3QTestIntent000001", "refund#ord-6"));
  }

  private static ResponseDefinitionBuilder json(int status, String file) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(resource("stripe-api/" + file));
  }
}
