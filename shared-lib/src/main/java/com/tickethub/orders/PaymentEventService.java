package com.tickethub.orders;

import com.tickethub.payments.StripeEvent;
import com.tickethub.payments.StripeEventType;
import com.tickethub.payments.StripeEvents;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one Stripe event to its order. Every effect is a conditional move of the order ({@link OrderLifecycle})
 * or is keyed (a history entry per event id, a Stripe refund per order or intent), so events in any order, any
 * number of times, and a redelivery after a crash between any two writes all reach the same final state, without
 * an idempotency record per event: Stripe redelivers for up to 3 days, longer than such a record would be kept
 * (24 h), so correctness could never rest on it, and it cost two of the five DynamoDB requests of a payment. An order is paid only by its own PaymentIntent, for its exact
 * amount and currency; any other payment for it is refunded and recorded in its history.
 * An event whose order cannot be found, or a body that is not a Stripe event, throws: the consumer reports the
 * message as failed and SQS moves it to the DLQ after 5 receives.
 */
@Singleton
public class PaymentEventService {
  private static final Logger LOG = LoggerFactory.getLogger(PaymentEventService.class);

  /** What applying an event did (logged). */
  public enum Outcome {
    PAID, LATE_PAID, ALREADY_PAID,
    REFUNDED, LATE_PAYMENT_REFUNDED, SECOND_PAYMENT_REFUNDED, MISMATCHED_PAYMENT_REFUNDED,
    PAYMENT_ERROR_RECORDED, CANCELLED, IGNORED, NO_CHANGE
  }

  private final OrderRepository orders;
  private final OrderLifecycle lifecycle;

  @Inject
  public PaymentEventService(OrderRepository orders, OrderLifecycle lifecycle) {
    this.orders = orders;
    this.lifecycle = lifecycle;
  }

  /**
   * @param body the raw Stripe event, as verified by the webhook
   * @throws IllegalArgumentException when the body is not a Stripe event
   * @throws UnknownOrder when no order matches the event
   */
  public Outcome apply(String body) {
    StripeEvent event = StripeEvents.parse(body);
    if (event.kind() == StripeEventType.IGNORED) {
      return Outcome.IGNORED;
    }
    return handle(event);
  }

  /** No order matches an event: a poison message (or an order of another deployment sharing the Stripe account). */
  public static final class UnknownOrder extends RuntimeException {
    UnknownOrder(String detail) {
      super(detail);
    }
  }

  private Outcome handle(StripeEvent event) {
    Order order = orderOf(event);
    Outcome outcome = switch (event.kind()) {
      case PAYMENT_SUCCEEDED -> succeeded(order, event);
      case PAYMENT_FAILED -> lifecycle.paymentFailed(order, event);
      case PAYMENT_CANCELED -> ownIntent(order, event) ? lifecycle.paymentCanceled(order, event) : Outcome.NO_CHANGE;
      case CHARGE_REFUNDED -> chargeRefunded(order, event);
      case IGNORED -> Outcome.IGNORED;
    };
    LOG.info("{\"type\":\"payment-event\",\"eventId\":\"{}\",\"eventType\":\"{}\",\"orderId\":\"{}\",\"outcome\":\"{}\"}",
        event.id(), event.type(), order.orderId(), outcome);
    return outcome;
  }

  private Order orderOf(StripeEvent event) {
    if (event.orderId().isPresent()) {
      return orders.find(event.orderId().get())
          .orElseThrow(() -> new UnknownOrder("No order " + event.orderId().get() + " for event " + event.id()));
    }
    String intentId = event.paymentIntentId()
        .orElseThrow(() -> new UnknownOrder("Event " + event.id() + " names neither an order nor a PaymentIntent"));
    return orders.findByPaymentIntent(intentId)
        .orElseThrow(() -> new UnknownOrder("No order paid by " + intentId + " for event " + event.id()));
  }

  private static boolean ownIntent(Order order, StripeEvent event) {
    return order.payment() != null && event.paymentIntentId().equals(Optional.of(order.payment().paymentIntentId()));
  }

  private Outcome succeeded(Order order, StripeEvent event) {
    String intentId = event.paymentIntentId().orElseThrow();
    if (!ownIntent(order, event)) {
      lifecycle.refundStrayPayment(order, event, intentId, "a second payment for this order");
      return Outcome.SECOND_PAYMENT_REFUNDED;
    }
    if (event.amountCents().orElse(-1) != order.amountCents()
        || !event.currency().map(order.currency()::equals).orElse(false)) {
      LOG.error("Payment {} of order {} is {} {}, the order is {} {}: refunded", intentId, order.orderId(),
          event.amountCents(), event.currency(), order.amountCents(), order.currency());
      lifecycle.refundStrayPayment(order, event, intentId, "the payment did not match the order's amount");
      return Outcome.MISMATCHED_PAYMENT_REFUNDED;
    }
    return lifecycle.paymentSucceeded(order, event);
  }

  /** A refund made outside TicketHub (Stripe's dashboard): only a full refund of the order's own payment counts. */
  private Outcome chargeRefunded(Order order, StripeEvent event) {
    if (!ownIntent(order, event)) {
      return Outcome.NO_CHANGE; // the refund of a second payment, which we made ourselves
    }
    if (event.amountRefundedCents().orElse(0) < event.amountCents().orElse(Long.MAX_VALUE)) {
      LOG.warn("Partial refund of order {} (event {}): the order is left as it is", order.orderId(), event.id());
      return Outcome.NO_CHANGE;
    }
    return lifecycle.chargeRefunded(order, event);
  }
}
