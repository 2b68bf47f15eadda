package com.tickethub.payments;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What TicketHub reads from a Stripe event. {@code objectId} is the id of {@code data.object} (a
 * {@code pi_...} or {@code ch_...}); the other fields are those of {@code data.object} when it has them.
 *
 * @param paymentIntentId the object itself for {@code payment_intent.*}, its {@code payment_intent} for a charge
 * @param orderId {@code data.object.metadata.orderId}
 * @param amountCents {@code data.object.amount}, in minor units
 * @param currency {@code data.object.currency}, upper-case ISO-4217 as in our orders
 * @param amountRefundedCents {@code data.object.amount_refunded} (charges)
 * @param lastPaymentError {@code data.object.last_payment_error.message} (failed payments)
 */
public record StripeEvent(
    String id,
    String type,
    Instant created,
    String objectId,
    Optional<String> paymentIntentId,
    Optional<String> orderId,
    OptionalLong amountCents,
    Optional<String> currency,
    OptionalLong amountRefundedCents,
    Optional<String> lastPaymentError) {

  public StripeEventType kind() {
    return StripeEventType.of(type);
  }
}
