package com.tickethub.orders;

import static com.tickethub.aws.Attributes.n;
import static com.tickethub.aws.Attributes.s;

import com.tickethub.errors.Conflict;
import com.tickethub.errors.PaymentUnavailable;
import com.tickethub.events.Event;
import com.tickethub.events.EventService;
import com.tickethub.http.Json;
import com.tickethub.orders.HistoryEntry.Type;
import com.tickethub.orders.OrderRepository.Change;
import com.tickethub.orders.OrderStock.Line;
import com.tickethub.orders.OrderStock.Taken;
import com.tickethub.orders.PaymentEventService.Outcome;
import com.tickethub.payments.PaymentGateway;
import com.tickethub.payments.StripeEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one service that moves an order (model/PROTOCOL.md): each method makes the order's {@link Transition}
 * with one conditional write, then brings the stock to what the new state says. Whoever calls it (the
 * purchase, a payment event and its redeliveries, the buyer, the organizer, the expiry message, the sweep),
 * and however often, each effect happens once: a move that fails because another actor moved first re-reads
 * the order and finishes whatever the state it finds asks for.
 */
@Singleton
public class OrderLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(OrderLifecycle.class);
  /** A late payment's re-taken tickets stay held this long should its flow die before the order is PAID. */
  static final Duration LATE_HOLD = Duration.ofMinutes(5);
  /** The sweep finishes a refund whose flow died this long after it started. */
  static final Duration REFUND_DUE = Duration.ofMinutes(2);
  /**
   * A refunded order's returns markers are dropped this long after the refund ended: far beyond any Lambda's
   * timeout, so no finisher that read the order before it ended can still be running; the fence set by the
   * prune refuses it anyway.
   */
  static final Duration RETURNS_KEPT = Duration.ofMinutes(10);
  /** Clock skew tolerated between the function that gives stock back and the one that prunes. */
  static final Duration FENCE_MARGIN = Duration.ofMinutes(1);

  private final OrderRepository orders;
  private final OrderStock stock;
  private final EventService events;
  private final PaymentGateway payments;
  private final HoldExpiryQueue queue;
  private final Checkpoints checkpoints;
  private final Clock clock;

  @Inject
  public OrderLifecycle(OrderRepository orders, OrderStock stock, EventService events, PaymentGateway payments,
      HoldExpiryQueue queue, Checkpoints checkpoints, Clock clock) {
    this.orders = orders;
    this.stock = stock;
    this.events = events;
    this.payments = payments;
    this.queue = queue;
    this.checkpoints = checkpoints;
    this.clock = clock;
  }

  // ------------------------------------------------------------------------------------------ payments

  /** The order's own payment succeeded, for its amount: brings it to PAID with its tickets, or refunds it. */
  public Outcome paymentSucceeded(Order order, StripeEvent event) {
    Instant now = clock.instant();
    switch (order.status()) {
      case PENDING_PAYMENT -> {
        if (!orders.move(order, Transition.PAY, paidAt(now), paymentEntry(now, event, null), null)) {
          return paymentSucceeded(reread(order), event);
        }
        checkpoints.reached(Checkpoint.ORDER_PAID);
        stock.commit(order, checkpoints);
        return Outcome.PAID;
      }
      case PAID -> {
        stock.commit(order, checkpoints); // finishes what a crash after the move left
        return Outcome.ALREADY_PAID;
      }
      case EXPIRED, CANCELLED -> {
        Change nextGen = new Change(", gen = :next", "", "", Map.of(":next", n(order.gen() + 1)));
        if (!orders.move(order, Transition.START_RETAKE, nextGen,
            paymentEntry(now, event, "after the hold ended: taking the tickets again"), now.plus(LATE_HOLD))) {
          return paymentSucceeded(reread(order), event);
        }
        checkpoints.reached(Checkpoint.RETAKE_STARTED);
        // Like a purchase, a retake queues its reconciliation before taking anything: should its worker die after
        // the order is PAID again, with holds not yet sold, that message makes them final.
        queue.schedule(ExpiryMessage.hold(order), now.plus(LATE_HOLD), now);
        return retake(reread(order));
      }
      case RETAKING -> {
        // Another delivery's retake runs or ran: take it over only once its lease ran out (its worker is dead).
        return retake(lease(order, LATE_HOLD).orElseThrow(() -> new IllegalStateException(
            "Order " + order.orderId() + " is taking its tickets again until " + order.dueAt() + "; retry later")));
      }
      case REFUNDING, REFUNDED -> {
        finishRefund(order);
        return Outcome.NO_CHANGE;
      }
      default -> throw new IllegalStateException("Unknown order status " + order.status());
    }
  }

  /**
   * Takes the tickets of a RETAKING order again under its generation (re-finding or adopting what it still holds),
   * then T6 (PAID) or, if they are gone, T7 (refund).
   */
  private Outcome retake(Order order) {
    Event event = events.find(order.eventId());
    Instant now = clock.instant();
    List<Line> lines = order.items().stream()
        .map(item -> Line.of(event.ticketType(item.ticketTypeId()).orElseThrow(), item)).toList();
    Taken taken = stock.take(order.eventId(), order.buyerId(), order.orderId(), order.gen(), lines,
        now.plus(LATE_HOLD));
    checkpoints.reached(Checkpoint.LATE_HOLDS_TAKEN);
    if (taken instanceof Taken.All all) {
      Change paid = paidAt(now).and(new Change(", #items = :items", "", "",
          Map.of(":items", s(Json.write(all.items())))));
      if (!orders.move(order, Transition.FINISH_RETAKE, paid, null, null)) {
        return afterRetake(reread(order));
      }
      checkpoints.reached(Checkpoint.ORDER_PAID);
      Order done = reread(order);
      stock.commit(done, checkpoints);
      stock.reconcile(Optional.of(done), done.eventId(), done.buyerId(), done.orderId()); // older generations' leftovers
      return Outcome.LATE_PAID;
    }
    Order.Refund refund = new Order.Refund(HistoryEntry.SYSTEM, false, now, null);
    if (!orders.move(order, Transition.FAIL_RETAKE, refundChange(refund), HistoryEntry.of(now, Type.REFUND_REQUESTED,
        HistoryEntry.SYSTEM, "the tickets were no longer available after the hold ended"), now.plus(REFUND_DUE))) {
      return afterRetake(reread(order));
    }
    checkpoints.reached(Checkpoint.REFUND_STARTED);
    finishRefund(reread(order));
    return Outcome.LATE_PAYMENT_REFUNDED;
  }

  /** Another retaker moved the order first: finish what its state asks for. */
  private Outcome afterRetake(Order order) {
    return switch (order.status()) {
      case PAID -> {
        stock.commit(order, checkpoints);
        stock.reconcile(Optional.of(order), order.eventId(), order.buyerId(), order.orderId());
        yield Outcome.LATE_PAID;
      }
      case REFUNDING, REFUNDED -> {
        finishRefund(order);
        yield Outcome.LATE_PAYMENT_REFUNDED;
      }
      default -> throw new IllegalStateException("Order " + order.orderId() + " left RETAKING for " + order.status());
    };
  }

  /** A failed attempt: recorded on an order still awaiting payment (the buyer may try another card). */
  public Outcome paymentFailed(Order order, StripeEvent event) {
    String error = event.lastPaymentError().orElse("The payment failed");
    HistoryEntry entry = new HistoryEntry(clock.instant(), Type.PAYMENT_FAILED, HistoryEntry.STRIPE,
        event.amountCents().isPresent() ? event.amountCents().getAsLong() : null, event.currency().orElse(null),
        event.paymentIntentId().orElse(null), event.id(), null, error);
    boolean recorded = orders.record(order.orderId(), "failed-" + event.id(), entry,
        new Change(", lastPaymentError = :error", "", "", Map.of(":error", s(error))), OrderStatus.PENDING_PAYMENT);
    return recorded ? Outcome.PAYMENT_ERROR_RECORDED : Outcome.NO_CHANGE;
  }

  /** The order's PaymentIntent was canceled (in Stripe): the order is cancelled, its hold released. */
  public Outcome paymentCanceled(Order order, StripeEvent event) {
    Instant now = clock.instant();
    HistoryEntry entry = new HistoryEntry(now, Type.PAYMENT_CANCELED, HistoryEntry.STRIPE, null, null,
        event.paymentIntentId().orElse(null), event.id(), null, null);
    return end(order, Transition.CANCEL, entry) ? Outcome.CANCELLED : Outcome.NO_CHANGE;
  }

  /**
   * A payment that does not buy this order (a second intent of a paid order, or one of the wrong amount) is sent
   * back, and the order's history says so.
   */
  public void refundStrayPayment(Order order, StripeEvent event, String intentId, String why) {
    if (order.history().stream()
        .anyMatch(e -> e.type() == Type.PAYMENT_REFUNDED && intentId.equals(e.paymentIntentId()))) {
      return; // sent back and recorded already (a redelivery); Stripe's key would make a second call a no-op anyway
    }
    String refundId = payments.refund(intentId, "refund-" + intentId);
    HistoryEntry entry = new HistoryEntry(clock.instant(), Type.PAYMENT_REFUNDED, HistoryEntry.SYSTEM,
        event.amountCents().isPresent() ? event.amountCents().getAsLong() : null, event.currency().orElse(null),
        intentId, event.id(), refundId, why);
    orders.record(order.orderId(), "refund-" + intentId, entry, Change.NONE);
  }

  /** A full refund of the order's payment made in Stripe's dashboard: the money is back, so the sale ends. */
  public Outcome chargeRefunded(Order order, StripeEvent event) {
    Instant now = clock.instant();
    Order.Refund refund = new Order.Refund(HistoryEntry.STRIPE, true, now, null);
    HistoryEntry requested = new HistoryEntry(now, Type.REFUND_REQUESTED, HistoryEntry.STRIPE, null, null,
        event.paymentIntentId().orElse(null), event.id(), null, "refunded in Stripe");
    switch (order.status()) {
      case PAID, PENDING_PAYMENT -> {
        if (!orders.move(order, Transition.START_REFUND, refundChange(refund), requested, now.plus(REFUND_DUE))) {
          return chargeRefunded(reread(order), event);
        }
        checkpoints.reached(Checkpoint.REFUND_STARTED);
        finishRefund(reread(order));
        return Outcome.REFUNDED;
      }
      case EXPIRED, CANCELLED -> {
        HistoryEntry refunded = new HistoryEntry(now, Type.REFUNDED, HistoryEntry.STRIPE, order.amountCents(),
            order.currency(), event.paymentIntentId().orElse(null), event.id(), null, "refunded in Stripe");
        if (!orders.move(order, Transition.REFUND_UNPAID, refundChange(refund), refunded, null)) {
          return chargeRefunded(reread(order), event);
        }
        stock.release(order); // finishes the expiry or cancel, should its release not have happened yet
        return Outcome.REFUNDED;
      }
      case RETAKING -> throw new IllegalStateException(
          "Order " + order.orderId() + " is taking its tickets again: the refund is applied once that ends");
      case REFUNDING -> {
        finishRefund(order);
        return Outcome.NO_CHANGE;
      }
      default -> {
        return Outcome.NO_CHANGE;
      }
    }
  }

  // ------------------------------------------------------------------------------------------ buyer and organizer

  /**
   * T4 by the buyer (the PaymentIntent is canceled first: if it already succeeded, Stripe refuses and the order is
   * left to its payment event). A repeat on a CANCELLED order releases its generation again: a no-op once released,
   * and never a newer generation's hold.
   */
  public Order cancel(Order order, String buyer) {
    if (order.status() == OrderStatus.PENDING_PAYMENT && order.payment() != null) {
      payments.cancelIntent(order.payment().paymentIntentId());
    }
    end(order, Transition.CANCEL, HistoryEntry.of(clock.instant(), Type.CANCELLED, buyer, null));
    Order now = reread(order);
    if (now.status() == OrderStatus.RETAKING) {
      throw new Conflict("order_not_cancellable", "A payment for order " + order.orderId()
          + " succeeded after its hold ended; its tickets are being taken again");
    }
    if (now.status() != OrderStatus.CANCELLED) {
      throw new Conflict("order_not_cancellable", "Order " + order.orderId() + " is " + now.status().shown()
          + "; only an order awaiting payment can be cancelled");
    }
    return now;
  }

  /**
   * T8 by the organizer: one conditional write decides, against the gate's check-ins on the same item, so either the
   * refund wins (every ticket void from that instant) or a check-in does (409 already_checked_in, nothing changed).
   * Then the money and the stock go back; should Stripe be unavailable, the order stays REFUNDING and the sweep
   * finishes it.
   */
  public Order refund(Order order, String organizer) {
    Instant now = clock.instant();
    if (order.status() == OrderStatus.PAID) {
      Order.Refund refund = new Order.Refund(organizer, false, now, null);
      Change noCheckIns = refundChange(refund).and(new Change("", "", " AND checkedIn = :zero", Map.of(":zero", n(0))));
      if (!orders.move(order, Transition.START_REFUND, noCheckIns,
          HistoryEntry.of(now, Type.REFUND_REQUESTED, organizer, null), now.plus(REFUND_DUE))) {
        Order moved = reread(order);
        if (moved.status() == OrderStatus.PAID && !moved.checkins().isEmpty()) {
          throw new Conflict("already_checked_in",
              "A ticket of order " + order.orderId() + " is checked in: it cannot be refunded");
        }
        return refund(moved, organizer);
      }
      checkpoints.reached(Checkpoint.REFUND_STARTED);
      order = reread(order);
    }
    if (order.status() == OrderStatus.REFUNDING) {
      try {
        finishRefund(order);
      } catch (PaymentUnavailable stripeDown) {
        LOG.warn("Refund of order {} decided; Stripe is unavailable, the sweep will send the money", order.orderId());
      }
      return reread(order);
    }
    if (order.status() != OrderStatus.REFUNDED || !order.wasPaid()) {
      throw new Conflict("order_not_refundable", "Order " + order.orderId() + " is " + order.status().shown()
          + "; only a paid order can be refunded");
    }
    return order;
  }

  // ------------------------------------------------------------------------------------------ expiry and sweep

  /** What {@link #reconcile} found; {@code dueAt} is set for NOT_DUE. */
  public record Reconciled(Result result, Instant dueAt) {}

  public enum Result {
    /** This call moved the order to EXPIRED and gave its holds back. */
    EXPIRED,
    /** The order is unpaid and its hold still runs. */
    NOT_DUE,
    /** The order had moved on; whatever its state still asked for was done. */
    SETTLED,
    /** There is no such order; any hold taken for it that expired was given back. */
    NO_ORDER
  }

  /**
   * The expiry message's and the sweep's one rule: an unpaid order past {@code expiresAt} becomes EXPIRED and its
   * holds go back; a RETAKING or REFUNDING order left by a dead worker is finished; every other state gets the
   * entries it does not own given back (or made final, when paid), wherever a crash left them.
   */
  public Reconciled reconcile(String orderId, String eventId, String buyerId) {
    return reconcile(orderId, eventId, buyerId, false);
  }

  /**
   * As {@link #reconcile(String, String, String)}, for the expiry message of the order's first purchase attempt
   * when {@code firstAttempt}: then a PAID order of the first generation was taken by that attempt alone (every
   * other attempt under its id sends a message of its own), so its holds are made final without looking for
   * entries elsewhere (two requests instead of four: the order, and one conditional commit per allocation).
   */
  public Reconciled reconcile(String orderId, String eventId, String buyerId, boolean firstAttempt) {
    Optional<Order> found = orders.find(orderId);
    if (found.isEmpty()) {
      stock.reconcile(found, eventId, buyerId, orderId);
      return new Reconciled(Result.NO_ORDER, null);
    }
    Order order = found.get();
    Instant now = clock.instant();
    switch (order.status()) {
      case PENDING_PAYMENT -> {
        if (order.expiresAt().isAfter(now)) {
          return new Reconciled(Result.NOT_DUE, order.expiresAt());
        }
        Change due = new Change("", "", " AND expiresAtEpoch <= :nowEpoch", Map.of(":nowEpoch", n(now.getEpochSecond())));
        if (end(order, Transition.EXPIRE, due, HistoryEntry.of(now, Type.EXPIRED, HistoryEntry.SYSTEM, null))) {
          return new Reconciled(Result.EXPIRED, null);
        }
        return reconcile(orderId, eventId, buyerId, firstAttempt);
      }
      case RETAKING, REFUNDING -> {
        Optional<Order> mine = lease(order, order.status() == OrderStatus.RETAKING ? LATE_HOLD : REFUND_DUE);
        if (mine.isEmpty()) {
          return new Reconciled(Result.NOT_DUE, order.dueAt());
        }
        if (order.status() == OrderStatus.RETAKING) {
          retake(mine.get());
        } else {
          finishRefund(mine.get());
        }
      }
      case PAID -> {
        if (firstAttempt && order.gen() == 1) {
          stock.commit(order, Checkpoints.NONE);
        } else {
          stock.reconcile(found, eventId, buyerId, orderId);
        }
      }
      default -> stock.reconcile(found, eventId, buyerId, orderId);
    }
    return new Reconciled(Result.SETTLED, null);
  }

  /**
   * The work of a RETAKING or REFUNDING order, for whoever finds its worker's lease ran out ({@code dueAt}
   * passed): of several that find it at once (the sweep, a redelivery), one gets it, with a new lease.
   */
  private Optional<Order> lease(Order order, Duration length) {
    Instant now = clock.instant();
    if (order.dueAt().isAfter(now)) {
      return Optional.empty();
    }
    return orders.lease(order, now.plus(length));
  }

  /**
   * Drops a refunded order's returns markers once they are {@link #RETURNS_KEPT} old, raising the fence to the end
   * of its refund (plus the clock margin); empty when done, else when to look again.
   */
  public Optional<Instant> pruneReturns(String orderId) {
    Order order = orders.find(orderId).orElseThrow();
    if (order.status() != OrderStatus.REFUNDED) {
      return Optional.of(clock.instant().plus(RETURNS_KEPT)); // still being refunded
    }
    Instant ended = order.refund().completedAt();
    Instant due = ended.plus(RETURNS_KEPT);
    if (due.isAfter(clock.instant())) {
      return Optional.of(due);
    }
    stock.prune(order, ended.plus(FENCE_MARGIN));
    return Optional.empty();
  }

  // ------------------------------------------------------------------------------------------ the moves' effects

  /** A move that ends an unpaid order (T3, T4) and the release of its holds, or the release alone on a repeat. */
  private boolean end(Order order, Transition transition, HistoryEntry entry) {
    return end(order, transition, Change.NONE, entry);
  }

  private boolean end(Order order, Transition transition, Change change, HistoryEntry entry) {
    if (order.status() == transition.to()) {
      stock.release(order); // finishes what a crash after the move left; gen-guarded against a late re-take
      return false;
    }
    if (order.status() != OrderStatus.PENDING_PAYMENT || !orders.move(order, transition, change, entry, null)) {
      return false;
    }
    checkpoints.reached(Checkpoint.ORDER_ENDED);
    stock.release(order);
    return true;
  }

  /**
   * Everything a REFUNDING order still needs, in an order that every step can repeat: a paid order's holds made
   * final, the money sent back (Stripe key {@code refund-<orderId>}; not for a refund made in Stripe), its tickets
   * back on sale but those checked in (fenced by when the order was read), and T9. An order that was never paid
   * just has everything it holds released. The markers' prune is queued before the first marker is written.
   */
  private void finishRefund(Order order) {
    if (order.status() == OrderStatus.REFUNDED) {
      if (!order.refund().external() && order.payment() != null) {
        refundPayment(order); // a payment event after the refund: make sure the money went back
      }
      return;
    }
    Instant readAt = clock.instant();
    String refundId = null;
    if (order.wasPaid()) {
      stock.commit(order, checkpoints);
      if (!order.refund().external() && order.payment() != null) {
        refundId = refundPayment(order);
      }
      checkpoints.reached(Checkpoint.MONEY_REFUNDED);
      queue.schedule(new ExpiryMessage(order.orderId(), order.eventId(), order.buyerId(), ExpiryMessage.Kind.RETURNS),
          readAt.plus(RETURNS_KEPT), readAt);
      if (!stock.giveBack(order, readAt)) {
        Order again = reread(order); // read before a prune: read again, and find it REFUNDED or still to finish
        finishRefund(again);
        return;
      }
      checkpoints.reached(Checkpoint.STOCK_GIVEN_BACK);
    } else {
      stock.reconcile(Optional.of(order), order.eventId(), order.buyerId(), order.orderId());
      if (!order.refund().external() && order.payment() != null) {
        refundId = refundPayment(order);
      }
      checkpoints.reached(Checkpoint.MONEY_REFUNDED);
    }
    Instant now = clock.instant();
    Order.Refund done = new Order.Refund(order.refund().by(), order.refund().external(), order.refund().requestedAt(),
        now);
    HistoryEntry refunded = new HistoryEntry(now, Type.REFUNDED, order.refund().by(), order.amountCents(),
        order.currency(), order.payment() == null ? null : order.payment().paymentIntentId(), null, refundId,
        order.refund().external() ? "refunded in Stripe" : null);
    orders.move(order, Transition.FINISH_REFUND, refundChange(done), refunded, null);
  }

  private String refundPayment(Order order) {
    return payments.refund(order.payment().paymentIntentId(), refundKey(order));
  }

  /** The Stripe idempotency key of every refund of an order's own payment, whoever asks for it. */
  static String refundKey(Order order) {
    return "refund-" + order.orderId();
  }

  private static Change paidAt(Instant now) {
    return new Change(", paidAt = :paidAt", "", "", Map.of(":paidAt", s(now.toString())));
  }

  private static Change refundChange(Order.Refund refund) {
    return new Change(", refund = :refund", "", "", Map.of(":refund", s(Json.write(refund))));
  }

  private static HistoryEntry paymentEntry(Instant now, StripeEvent event, String detail) {
    return new HistoryEntry(now, Type.PAYMENT_SUCCEEDED, HistoryEntry.STRIPE,
        event.amountCents().isPresent() ? event.amountCents().getAsLong() : null, event.currency().orElse(null),
        event.paymentIntentId().orElse(null), event.id(), null, detail);
  }

  private Order reread(Order order) {
    return orders.find(order.orderId()).orElseThrow();
  }
}
