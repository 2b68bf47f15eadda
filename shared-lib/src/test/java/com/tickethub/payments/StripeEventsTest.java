package com.tickethub.payments;

import static com.tickethub.testing.Requests.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StripeEventsTest {

  @Test
  void succeededPaymentGivesIntentOrderAmountAndUpperCaseCurrency() {
    StripeEvent event = StripeEvents.parse(resource("stripe-events/payment-intent-succeeded.json"));

    assertEquals(new StripeEvent("evt_3QTestSucceeded0001", "payment_intent.succeeded",
        Instant.ofEpochSecond(1764072000), "pi_3QTestIntent000001", Optional.of("pi_3QTestIntent000001"),
        Optional.of("ord-1"), OptionalLong.of(5000), Optional.of("EUR"), OptionalLong.empty(), Optional.empty()),
        event);
    assertEquals(StripeEventType.PAYMENT_SUCCEEDED, event.kind());
  }

  @Test
  void failedPaymentGivesTheLastPaymentErrorMessage() {
    StripeEvent event = StripeEvents.parse(resource("stripe-events/payment-intent-payment-failed.json"));

    assertEquals(StripeEventType.PAYMENT_FAILED, event.kind());
    assertEquals(Optional.of("Your card has insufficient funds."), event.lastPaymentError());
    assertEquals(Optional.of("ord-1"), event.orderId());
  }

  @Test
  void canceledPaymentIsPaymentCanceled() {
    StripeEvent event = StripeEvents.parse(resource("stripe-events/payment-intent-canceled.json"));

    assertEquals(StripeEventType.PAYMENT_CANCELED, event.kind());
    assertEquals(Optional.of("pi_3QTestIntent000001"), event.paymentIntentId());
  }

  @Test
  void refundedChargeGivesItsPaymentIntentAndAmountRefunded() {
    StripeEvent event = StripeEvents.parse(resource("stripe-events/charge-refunded.json"));

    assertEquals(StripeEventType.CHARGE_REFUNDED, event.kind());
    assertEquals("ch_3QTestCharge000001", event.objectId());
    assertEquals(Optional.of("pi_3QTestIntent000001"), event.paymentIntentId());
    assertEquals(OptionalLong.of(5000), event.amountRefundedCents());
    assertEquals(Optional.empty(), event.orderId());
  }

  @Test
  void otherTypesParseAndAreIgnored() {
    StripeEvent event = StripeEvents.parse(resource("stripe-events/customer-created.json"));

    assertEquals(StripeEventType.IGNORED, event.kind());
    assertEquals(Optional.empty(), event.paymentIntentId());
    assertEquals(OptionalLong.empty(), event.amountCents());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "[1, 2]", "{\"id\": \"evt_1\"}",
      "{\"id\": \"evt_1\", \"object\": \"event\", \"type\": \"x\", \"created\": 1}",
      "{\"id\": \"evt_1\", \"object\": \"event\", \"type\": \"x\", \"created\": \"1\", \"data\": {\"object\": {\"id\": \"o\"}}}",
      "{\"object\": \"event\", \"type\": \"x\", \"created\": 1, \"data\": {\"object\": {\"id\": \"o\"}}}"})
  void textThatIsNotAStripeEventIsRejected(String body) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StripeEvents.parse(body));
    assertTrue(e.getMessage().contains(":"), "the message names what is wrong: " + e.getMessage());
  }
}
