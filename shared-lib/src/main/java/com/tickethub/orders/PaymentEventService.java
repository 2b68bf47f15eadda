package com.tickethub.orders;

import com.tickethub.events.Event;
import com.tickethub.events.EventService;
import com.tickethub.events.TicketType;
import com.tickethub.idempotency.Idempotency;
import com.tickethub.inventory.Allocation;
import com.tickethub.inventory.BuyerLimitRepository;
import com.tickethub.inventory.InventoryRepository;
import com.tickethub.payments.PaymentGateway;
import com.tickethub.payments.StripeEvent;
import com.tickethub.payments.StripeEventType;
import com.tickethub.payments.StripeEvents;
import com.tickethub.tickets.Ticket;
import com.tickethub.tickets.VoidOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one Stripe event to its order, at most once per event id (the idempotency layer, key
 * {@code payment-events#stripe#<eventId>}). Every effect is also conditional on the order's state and keyed by
 * the order, so that events in any order, any number of times, and a redelivery after a crash between any two
 * writes all reach the same final state:
 * <ul>
 *   <li>An order is paid only by its own PaymentIntent, for its exact amount and currency. Any other intent that
 *       succeeds for it (a second payment) and any mismatching payment is refunded (Stripe idempotency key
 *       {@code refund-<intentId>}) and never marks the order paid.
 *   <li>A payment that succeeds after the order expired or was cancelled takes the tickets again (same order id,
 *       all or nothing); if they are gone the order becomes REFUNDED and the payment is refunded
 *       ({@code refund-<orderId>}, the key of every refund of the order's own payment).
 *   <li>A full {@code charge.refunded} of the order's payment makes it REFUNDED whatever it was, voids its
 *       tickets and puts them back on sale; a partial one is only logged.
 * </ul>
 * An event whose order cannot be found, or a body that is not a Stripe event, throws: the consumer reports the
 * message as failed and SQS moves it to the DLQ after 5 receives.
 */
@Singleton
public class PaymentEventService {
  private static final Logger LOG = LoggerFactory.getLogger(PaymentEventService.class);
  /** The re-taken tickets of a late payment stay held this long should the flow die before the order is PAID. */
  static final Duration LATE_HOLD = Duration.ofMinutes(5);

  /** What applying an event did (stored with its idempotency record, so a replay reports it again). */
  public enum Outcome {
    PAID, LATE_PAID, ALREADY_PAID,
    REFUNDED, LATE_PAYMENT_REFUNDED, SECOND_PAYMENT_REFUNDED, MISMATCHED_PAYMENT_REFUNDED,
    PAYMENT_ERROR_RECORDED, CANCELLED, IGNORED, NO_CHANGE
  }

  private final Idempotency idempotency;
  private final OrderRepository orders;
  private final OrderHolds holds;
  private final EventService events;
  private final InventoryRepository inventory;
  private final BuyerLimitRepository buyers;
  private final PaymentGateway payments;
  private final Checkpoints checkpoints;
  private final Clock clock;

  @Inject
  public PaymentEventService(Idempotency idempotency, OrderRepository orders, OrderHolds holds, EventService events,
      InventoryRepository inventory, BuyerLimitRepository buyers, PaymentGateway payments, Checkpoints checkpoints,
      Clock clock) {
    this.idempotency = idempotency;
    this.orders = orders;
    this.holds = holds;
    this.events = events;
    this.inventory = inventory;
    this.buyers = buyers;
    this.payments = payments;
    this.checkpoints = checkpoints;
    this.clock = clock;
  }

  /**
   * @param body the raw Stripe event, as verified by the webhook
   * @param remainingMillis the invocation's remaining time: a claim left by a run that died is taken over after it
   * @throws IllegalArgumentException when the body is not a Stripe event
   * @throws UnknownOrder when no order matches the event
   */
  public Outcome apply(String body, long remainingMillis) {
    StripeEvent event = StripeEvents.parse(body);
    if (event.kind() == StripeEventType.IGNORED) {
      return Outcome.IGNORED;
    }
    return Outcome.valueOf(idempotency.run("payment-events#stripe#" + event.id(), event.id(), remainingMillis,
        () -> handle(event).name()));
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
      case PAYMENT_SUCCEEDED -> succeeded(order, event.paymentIntentId().orElseThrow(), event);
      case PAYMENT_FAILED -> failed(order, event);
      case PAYMENT_CANCELED -> ownIntent(order, event) ? canceled(order) : Outcome.NO_CHANGE;
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

  private Outcome succeeded(Order order, String intentId, StripeEvent event) {
    if (!ownIntent(order, event)) {
      payments.refund(intentId, "refund-" + intentId);
      return Outcome.SECOND_PAYMENT_REFUNDED;
    }
    if (event.amountCents().orElse(-1) != order.amountCents()
        || !event.currency().map(order.currency()::equals).orElse(false)) {
      LOG.error("Payment {} of order {} is {} {}, the order is {} {}: refunded", intentId, order.orderId(),
          event.amountCents(), event.currency(), order.amountCents(), order.currency());
      payments.refund(intentId, "refund-" + intentId);
      orders.recordPaymentError(order.orderId(), "The payment did not match the order's amount and was refunded",
          clock.instant());
      return Outcome.MISMATCHED_PAYMENT_REFUNDED;
    }
    return paid(order);
  }

  /** The order's own payment succeeded: brings the order to PAID with its tickets, whatever state it is in. */
  private Outcome paid(Order order) {
    switch (order.status()) {
      case PENDING_PAYMENT -> {
        List<String> ticketIds = order.tickets().stream().map(Ticket::ticketId).toList();
        if (!orders.markPaid(order.orderId(), ticketIds, clock.instant())) {
          return paid(reread(order)); // expired or cancelled meanwhile
        }
        checkpoints.reached(Checkpoint.ORDER_PAID);
        holds.settle(order, checkpoints);
        return Outcome.PAID;
      }
      case PAID -> {
        holds.settle(order, checkpoints); // finishes what a crash after markPaid left
        return Outcome.ALREADY_PAID;
      }
      case EXPIRED, CANCELLED -> {
        return latePayment(order);
      }
      case REFUNDED -> {
        // A refund was decided (sold out after expiry, the organizer, Stripe's dashboard); make sure it was made.
        payments.refund(order.payment().paymentIntentId(), refundKey(order));
        return Outcome.NO_CHANGE;
      }
      default -> throw new IllegalStateException("Unknown order status " + order.status());
    }
  }

  /** Takes the tickets of an order whose hold ended again and marks it PAID, or refunds the payment. */
  private Outcome latePayment(Order order) {
    Event event = events.find(order.eventId());
    Instant holdUntil = clock.instant().plus(LATE_HOLD);
    List<OrderItem> taken = new ArrayList<>();
    for (OrderItem item : order.items()) {
      TicketType type = event.ticketType(item.ticketTypeId()).orElseThrow();
      if (item.buyerLimited() && type.maxPerBuyer() != null && !buyers.take(order.eventId(), item.ticketTypeId(), order.buyerId(), order.orderId(),
          item.quantity(), type.maxPerBuyer(), holdUntil)) {
        return refundLate(order, taken);
      }
      taken.add(item.withAllocations(List.of()));
      Optional<List<Allocation>> allocations =
          inventory.take(order.eventId(), type, order.orderId(), item.quantity(), holdUntil);
      if (allocations.isEmpty()) {
        return refundLate(order, taken);
      }
      taken.set(taken.size() - 1, item.withAllocations(allocations.get()));
    }
    checkpoints.reached(Checkpoint.LATE_HOLDS_TAKEN);
    List<String> ticketIds = order.tickets().stream().map(Ticket::ticketId).toList();
    if (!orders.markPaidLate(order.orderId(), taken, ticketIds, clock.instant())) {
      return paid(reread(order));
    }
    checkpoints.reached(Checkpoint.ORDER_PAID);
    holds.settle(reread(order), checkpoints);
    return Outcome.LATE_PAID;
  }

  private Outcome refundLate(Order order, List<OrderItem> taken) {
    holds.release(order.eventId(), order.buyerId(), order.orderId(), taken);
    if (!orders.refundUnpaid(order.orderId(), clock.instant())) {
      return paid(reread(order));
    }
    checkpoints.reached(Checkpoint.ORDER_REFUNDED);
    payments.refund(order.payment().paymentIntentId(), refundKey(order));
    return Outcome.LATE_PAYMENT_REFUNDED;
  }

  private Outcome failed(Order order, StripeEvent event) {
    String error = event.lastPaymentError().orElse("The payment failed");
    return orders.recordPaymentError(order.orderId(), error, clock.instant())
        ? Outcome.PAYMENT_ERROR_RECORDED
        : Outcome.NO_CHANGE;
  }

  private Outcome canceled(Order order) {
    if (order.status() == OrderStatus.PENDING_PAYMENT) {
      if (!orders.cancel(order.orderId(), clock.instant())) {
        return canceled(reread(order));
      }
      checkpoints.reached(Checkpoint.ORDER_CANCELLED);
      holds.release(order);
      return Outcome.CANCELLED;
    }
    if (order.status() == OrderStatus.CANCELLED) {
      holds.release(order); // finishes what a crash after the cancel left
    }
    return Outcome.NO_CHANGE;
  }

  /** A refund made outside TicketHub (Stripe's dashboard): the money is back with the buyer, so the sale ends. */
  private Outcome chargeRefunded(Order order, StripeEvent event) {
    if (!ownIntent(order, event)) {
      return Outcome.NO_CHANGE; // the refund of a second payment, which we made ourselves
    }
    if (event.amountRefundedCents().orElse(0) < event.amountCents().orElse(Long.MAX_VALUE)) {
      LOG.warn("Partial refund of order {} (event {}): the order is left as it is", order.orderId(), event.id());
      return Outcome.NO_CHANGE;
    }
    switch (order.status()) {
      case PAID -> {
        if (!orders.refund(order.orderId(), clock.instant())) {
          return chargeRefunded(reread(order), event);
        }
        checkpoints.reached(Checkpoint.ORDER_REFUNDED);
        unsell(order);
        return Outcome.REFUNDED;
      }
      case PENDING_PAYMENT, EXPIRED, CANCELLED -> {
        if (!orders.refundUnpaid(order.orderId(), clock.instant())) {
          return chargeRefunded(reread(order), event);
        }
        checkpoints.reached(Checkpoint.ORDER_REFUNDED);
        holds.release(order);
        return Outcome.REFUNDED;
      }
      case REFUNDED -> {
        finishRefund(order);
        return Outcome.NO_CHANGE;
      }
      default -> throw new IllegalStateException("Unknown order status " + order.status());
    }
  }

  /** Completes the give-back of a REFUNDED order after a crash: a paid one is unsold, an unpaid one released. */
  private void finishRefund(Order order) {
    if (order.ticketIds().isEmpty()) {
      holds.release(order);
    } else {
      unsell(order);
    }
  }

  private void unsell(Order order) {
    VoidOutcome voided = holds.unsell(order);
    if (voided.anyCheckedIn()) {
      LOG.warn("Order {} was refunded in Stripe but tickets {} are checked in: they stay valid and off sale",
          order.orderId(), voided.checkedIn());
    }
  }

  private Order reread(Order order) {
    return orders.find(order.orderId()).orElseThrow();
  }

  /** The Stripe idempotency key of every refund of an order's own payment, whoever asks for it. */
  static String refundKey(Order order) {
    return "refund-" + order.orderId();
  }
}
