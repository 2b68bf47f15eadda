package com.tickethub.orders;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One step of a generated life-cycle scenario: an operation of one of the real actors of model/PROTOCOL.md
 * ("Actors"), as data, so that a failing scenario can be shrunk and printed as it reads. Orders are named by
 * slot: {@code o1} is the second order the scenario's purchases got, counted modulo the orders there are when the
 * step runs (so a step never refers to nothing once one order exists); the trace of a run names the order it hit.
 */
sealed interface LifecycleStep {
  enum Buyer { A, B }

  /**
   * Simpler variants of this step, tried in its place when a failing scenario is shrunk: each changes one thing
   * toward the plainest step (no crash, once, the first order, the first ticket, fewer kinds of tickets).
   */
  default List<LifecycleStep> simpler() {
    return List.of();
  }

  /** The variants that differ from the step. */
  private static List<LifecycleStep> variants(LifecycleStep step, LifecycleStep... variants) {
    return Arrays.stream(variants).filter(variant -> !variant.equals(step)).distinct().toList();
  }

  /** The Stripe events of an order that Stripe sends once and may deliver again. */
  enum StripeKind { SUCCEEDED, CANCELED, REFUNDED }

  /**
   * {@code POST /tickets/purchase} through the route with a fresh Idempotency-Key; with {@code crash}, the Lambda
   * dies there, and the buyer retries with the same key once its claim lapsed ({@code retry}) or gives up.
   */
  record Purchase(Buyer buyer, int ga, int lawn, int guest, Checkpoint crash, boolean retry) implements LifecycleStep {
    @Override
    public List<LifecycleStep> simpler() {
      int kinds = (ga > 0 ? 1 : 0) + (lawn > 0 ? 1 : 0) + (guest > 0 ? 1 : 0);
      return variants(this, new Purchase(buyer, ga, lawn, guest, null, false),
          new Purchase(Buyer.A, ga, lawn, guest, crash, retry),
          kinds > 1 ? new Purchase(buyer, 0, lawn, guest, crash, retry) : this,
          kinds > 1 ? new Purchase(buyer, ga, 0, guest, crash, retry) : this,
          kinds > 1 ? new Purchase(buyer, ga, lawn, 0, crash, retry) : this);
    }

    @Override
    public String toString() {
      List<String> items = new ArrayList<>();
      if (ga > 0) {
        items.add("GA x" + ga);
      }
      if (lawn > 0) {
        items.add("Lawn x" + lawn);
      }
      if (guest > 0) {
        items.add("Guest x" + guest);
      }
      return "purchase(" + buyer + ": " + String.join(" + ", items)
          + (crash == null ? "" : ", crash@" + crash + (retry ? " then retried" : " then given up")) + ")";
    }
  }

  /** The buyer retries a purchase that crashed and was given up, with its Idempotency-Key, whenever this runs. */
  record RetryPurchase(int attempt) implements LifecycleStep {
    @Override
    public List<LifecycleStep> simpler() {
      return variants(this, new RetryPurchase(0));
    }

    @Override
    public String toString() {
      return "retryPurchase(#" + attempt + ")";
    }
  }

  /** Stripe's payment_intent.succeeded for the order, delivered (again, if it was sent before). */
  record Pay(int order, Checkpoint crash, boolean redeliver) implements LifecycleStep {
    @Override
    public List<LifecycleStep> simpler() {
      return variants(this, new Pay(order, null, false), new Pay(0, crash, redeliver));
    }

    @Override
    public String toString() {
      return "paymentSucceeded(o" + order + crashed(crash, redeliver) + ")";
    }
  }

  /** A failed payment attempt (payment_intent.payment_failed, a new event each time). */
  record PaymentFailed(int order) implements LifecycleStep {
    @Override
    public List<LifecycleStep> simpler() {
      return variants(this, new PaymentFailed(0));
    }

    @Override
    public String toString() {
      return "paymentFailed(o" + order + ")";
    }
  }

  /** payment_intent.canceled for the order's intent. */
  record PaymentCanceled(int order) implements LifecycleStep {
    @Override
    public List<LifecycleStep> simpler() {
      return variants(this, new PaymentCanceled(0));
    }

    @Override
    public String toString() {
      return "paymentCanceled(o" + order + ")";
    }
  }

  /**
   * A full refund in Stripe's dashboard (charge.refunded). The money had to be paid for that: if the payment's own
   * event was not sent yet, Stripe sends it later, after this one.
   */
  record ChargeRefunded(int order, Checkpoint crash, boolean redeliver) implements LifecycleStep {
    @Override
    public List<LifecycleStep> simpler() {
      return variants(this, new ChargeRefunded(order, null, false), new ChargeRefunded(0, crash, redeliver));
    }

    @Override
    public String toString() {
      return "chargeRefunded(o" + order + crashed(crash, redeliver) + ")";
    }
  }

  /** SQS delivers one of the order's Stripe events once more (a duplicate, or a late first delivery). */
  record Redeliver(int order, StripeKind kind) implements LifecycleStep {
    @Override
    public List<LifecycleStep> simpler() {
      return variants(this, new Redeliver(0, kind));
    }

    @Override
    public String toString() {
      return "redeliver(o" + order + " " + kind + ")";
    }
  }

  /** {@code POST /orders/{id}/cancel} by the buyer, {@code times} in a row; the first may crash. */
  record Cancel(int order, int times, Checkpoint crash) implements LifecycleStep {
    @Override
    public List<LifecycleStep> simpler() {
      return variants(this, new Cancel(order, times, null), new Cancel(order, 1, crash), new Cancel(0, times, crash));
    }

    @Override
    public String toString() {
      return "buyerCancel(o" + order + (times > 1 ? " x" + times : "") + (crash == null ? "" : ", crash@" + crash)
          + ")";
    }
  }

  /** {@code POST /orders/{id}/refund} by the organizer; it may crash (the organizer may ask again later). */
  record Refund(int order, Checkpoint crash) implements LifecycleStep {
    @Override
    public List<LifecycleStep> simpler() {
      return variants(this, new Refund(order, null), new Refund(0, crash));
    }

    @Override
    public String toString() {
      return "organizerRefund(o" + order + (crash == null ? "" : ", crash@" + crash) + ")";
    }
  }

  /** A gate scan of the order's ticket at {@code ticket} (modulo its tickets). */
  record CheckIn(int order, int ticket) implements LifecycleStep {
    @Override
    public List<LifecycleStep> simpler() {
      return variants(this, new CheckIn(0, ticket), new CheckIn(order, 0));
    }

    @Override
    public String toString() {
      return "checkIn(o" + order + " ticket " + ticket + ")";
    }
  }

  /** The order's hold-expiry message delivered now, once more (SQS delivers at least once). */
  record ExpiryAgain(int order) implements LifecycleStep {
    @Override
    public List<LifecycleStep> simpler() {
      return variants(this, new ExpiryAgain(0));
    }

    @Override
    public String toString() {
      return "expiryMessageAgain(o" + order + ")";
    }
  }

  /**
   * The clock moves; SQS delivers the hold-expiry messages now due (each twice, if {@code twice}) and the Stripe
   * events whose delivery failed.
   */
  record TimePasses(int minutes, boolean twice) implements LifecycleStep {
    @Override
    public List<LifecycleStep> simpler() {
      return variants(this, new TimePasses(minutes, false));
    }

    @Override
    public String toString() {
      return "time+" + minutes + "min" + (twice ? "(due messages twice)" : "");
    }
  }

  /** The every-minute sweep of open orders past due. */
  record Sweep() implements LifecycleStep {
    @Override
    public String toString() {
      return "sweep";
    }
  }

  /**
   * A step of a {@link Together} whose Lambda stalls at checkpoint {@code at} (before it starts, if null) until
   * another step reached {@code until} (or all others ended), as a GC pause or a starved CPU stalls one: so the
   * interleavings where an actor acts on what it read before another moved the order are reached, which threads that
   * keep in step on the emulator never reach.
   */
  record Slow(Checkpoint at, Checkpoint until, LifecycleStep step) implements LifecycleStep {
    @Override
    public List<LifecycleStep> simpler() {
      List<LifecycleStep> simpler = new ArrayList<>(List.of(step));
      step.simpler().forEach(variant -> simpler.add(new Slow(at, until, variant)));
      return simpler;
    }

    @Override
    public String toString() {
      return step + " stalled " + (at == null ? "before it starts" : "at " + at) + " until another step reaches "
          + until;
    }
  }

  /** Two or three steps at once, each on its own thread. */
  record Together(List<LifecycleStep> steps) implements LifecycleStep {
    /** The same with one step fewer: with two, the other step alone (so a failure that needs no race shows it). */
    @Override
    public List<LifecycleStep> simpler() {
      List<LifecycleStep> simpler = new ArrayList<>();
      for (int i = 0; i < steps.size(); i++) {
        List<LifecycleStep> others = new ArrayList<>(steps);
        others.remove(i);
        simpler.add(others.size() == 1 ? others.get(0) : new Together(others));
      }
      return simpler;
    }

    @Override
    public String toString() {
      return "together(" + steps.stream().map(Object::toString).collect(Collectors.joining(" | ")) + ")";
    }
  }

  private static String crashed(Checkpoint crash, boolean redeliver) {
    return crash == null ? "" : ", crash@" + crash + (redeliver ? " then redelivered" : " then never redelivered");
  }
}
