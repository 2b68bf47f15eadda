package com.tickethub.orders;

import static com.tickethub.testing.Requests.buyer;
import static com.tickethub.testing.Requests.organizer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.auth.Caller;
import com.tickethub.errors.DomainException;
import com.tickethub.events.EventView;
import com.tickethub.events.TicketTypeView;
import com.tickethub.http.Json;
import com.tickethub.orders.LifecycleStep.Buyer;
import com.tickethub.orders.LifecycleStep.Cancel;
import com.tickethub.orders.LifecycleStep.ChargeRefunded;
import com.tickethub.orders.LifecycleStep.CheckIn;
import com.tickethub.orders.LifecycleStep.ExpiryAgain;
import com.tickethub.orders.LifecycleStep.Pay;
import com.tickethub.orders.LifecycleStep.PaymentCanceled;
import com.tickethub.orders.LifecycleStep.PaymentFailed;
import com.tickethub.orders.LifecycleStep.Purchase;
import com.tickethub.orders.LifecycleStep.Redeliver;
import com.tickethub.orders.LifecycleStep.Refund;
import com.tickethub.orders.LifecycleStep.RetryPurchase;
import com.tickethub.orders.LifecycleStep.Slow;
import com.tickethub.orders.LifecycleStep.StripeKind;
import com.tickethub.orders.LifecycleStep.Sweep;
import com.tickethub.orders.LifecycleStep.TimePasses;
import com.tickethub.orders.LifecycleStep.Together;
import com.tickethub.testing.MutableClock;
import com.tickethub.testing.PurchaseTestComponent;
import com.tickethub.tickets.Ticket;
import com.tickethub.tickets.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One try of the life-cycle properties: a fresh small event on the emulator, the real services wired as in their
 * functions (purchase through its route and Idempotency-Key, payment events through their idempotent consumer, the
 * buyer's cancel and the organizer's refund through OrderService, the gate's check-in write, the hold-expiry
 * messages on a clock the test moves, the sweep), the steps run against them, and the invariants of
 * model/PROTOCOL.md checked after each step and once everything finished. What it saw is kept as a trace, one line
 * per step, which a failure prints.
 */
final class LifecycleWorld {
  /** The purchase route's claim lapses after the request's remaining time (30 s without a Lambda context). */
  private static final Duration PURCHASE_CLAIM_LAPSES = Duration.ofSeconds(31);
  /** Past every hold, lease and returns delay: one round of letting everything finish. */
  private static final Duration SETTLE_ROUND = Duration.ofMinutes(11);
  private static final int SETTLE_ROUNDS = 8;
  private static final Set<OrderStatus> FINAL =
      Set.of(OrderStatus.PAID, OrderStatus.EXPIRED, OrderStatus.CANCELLED, OrderStatus.REFUNDED);
  private static final String NEW_ORDER = "{new}";

  /** An order a purchase was answered with, named by its slot in the scenario. */
  private record Known(String label, String orderId, Caller buyer, OrderView view) {}

  /** A purchase that crashed and was given up: its key and body, for a later retry. */
  private record Attempt(String key, Caller buyer, String body) {}

  /** What a step did: its trace line (with {@link #NEW_ORDER} for an order it got), and what it adds. */
  private record Done(String line, Known order, Attempt attempt) {
    static Done of(String line) {
      return new Done(line, null, null);
    }
  }

  private final MutableClock clock;
  private final CrashOnThread crashes = new CrashOnThread();
  private final RecordingPaymentGateway gateway = new RecordingPaymentGateway();
  private final PurchaseTestComponent app;
  private final PurchaseFixture fixture;
  private final EventView event;
  private final Map<String, TicketTypeView> types = new HashMap<>();

  /** Written only between steps (by the thread that runs the scenario), read by the steps. */
  private final List<Known> orders = new ArrayList<>();
  private final List<Attempt> givenUp = new ArrayList<>();
  private final List<String> trace = new ArrayList<>();

  /** The Stripe events created per order (each sent once by Stripe, delivered at least once by SQS). */
  private final Map<String, Map<StripeKind, String>> stripe = new ConcurrentHashMap<>();
  /** Events Stripe sent that were not delivered yet (a payment whose dashboard refund came first). */
  private final Set<String> undelivered = ConcurrentHashMap.newKeySet();
  /** Events whose delivery failed without a crash: SQS delivers them again once time passes. */
  private final Queue<String> failed = new ConcurrentLinkedQueue<>();
  /** Exceptions no request may end in (a bug, not an unavailable DynamoDB), noted by the step that got one. */
  private final List<String> problems = new CopyOnWriteArrayList<>();

  LifecycleWorld(MutableClock clock) {
    this.clock = clock;
    this.app = PurchaseTestComponent.create(clock, crashes, Map.of(), gateway);
    this.fixture = new PurchaseFixture(app);
    this.event = fixture.event("property-event.json");
    event.ticketTypes().forEach(type -> types.put(type.ticketTypeId(), type));
  }

  // ------------------------------------------------------------------------------------------ running steps

  /** Runs the step (a {@link Together}'s steps at once), then checks what must hold at every instant. */
  void step(LifecycleStep step) {
    if (step instanceof Together together) {
      together(together);
    } else {
      trace.add(record(run(step)));
    }
    List<String> broken = alwaysBroken();
    if (!broken.isEmpty()) {
      throw failure("after " + step, broken);
    }
  }

  /** The lines of what happened so far. */
  List<String> trace() {
    return List.copyOf(trace);
  }

  /** Adds what the step got to what later steps can name; returns its trace line. */
  private String record(Done done) {
    String line = done.line();
    if (done.order() != null) {
      Known known = orders.stream().filter(o -> o.orderId().equals(done.order().orderId())).findFirst()
          .orElseGet(() -> {
            Known added = new Known("o" + orders.size(), done.order().orderId(), done.order().buyer(),
                done.order().view());
            orders.add(added);
            return added;
          });
      line = line.replace(NEW_ORDER, known.label());
    }
    if (done.attempt() != null) {
      line = line + " (attempt #" + givenUp.size() + ")";
      givenUp.add(done.attempt());
    }
    return line;
  }

  /**
   * Starts the steps on their own threads at the same instant, and meanwhile reads the stock again and again: the
   * stock's invariant must hold at every instant, not only between steps.
   */
  private void together(Together together) {
    List<LifecycleStep> steps = together.steps();
    Done[] done = new Done[steps.size()];
    Throwable[] thrown = new Throwable[steps.size()];
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      int index = i;
      threads.add(new Thread(() -> {
        try {
          start.await();
          done[index] = run(steps.get(index));
        } catch (Throwable t) {
          thrown[index] = t;
        } finally {
          crashes.ended();
        }
      }, "step-" + i));
    }
    crashes.together(steps.size());
    AtomicBoolean running = new AtomicBoolean(true);
    List<String> seen = new CopyOnWriteArrayList<>();
    Thread watcher = new Thread(() -> {
      while (running.get() && seen.isEmpty()) {
        seen.addAll(stockBroken(partition(), false));
        pause(); // leaves the emulator to the steps most of the time
      }
    }, "stock-watcher");
    threads.forEach(Thread::start);
    watcher.start();
    start.countDown();
    threads.forEach(LifecycleWorld::join);
    running.set(false);
    join(watcher);
    for (int i = 0; i < steps.size(); i++) {
      if (thrown[i] != null) {
        throw new AssertionError(steps.get(i) + " threw while running together:\n  " + String.join("\n  ", trace),
            thrown[i]);
      }
    }
    List<String> lines = new ArrayList<>();
    for (Done one : done) {
      lines.add(record(one)); // in the steps' order, whichever finished first: slots stay reproducible
    }
    trace.add("together: " + String.join(" | ", lines));
    if (!seen.isEmpty()) {
      throw failure("while " + together + " ran", seen);
    }
  }

  private Done run(LifecycleStep step) {
    try {
      return perform(step);
    } catch (SdkException unavailable) {
      // DynamoDB did not answer in time (a loaded machine): to the flow, a Lambda that failed half-way
      return Done.of(step + ": failed half-way, DynamoDB unavailable (" + unavailable.getMessage() + ")");
    }
  }

  private Done perform(LifecycleStep step) {
    if (step instanceof Slow slow) {
      return crashes.stalled(new CrashOnThread.Stall(slow.at(), slow.until()), () -> perform(slow.step()));
    }
    if (step instanceof Purchase purchase) {
      return purchase(purchase);
    }
    if (step instanceof RetryPurchase retry) {
      return retry(retry);
    }
    if (step instanceof TimePasses time) {
      return timePasses(time);
    }
    if (step instanceof Sweep) {
      return Done.of(step + ": looked at " + app.expiry().sweep() + " due orders");
    }
    Known order = orders.isEmpty() ? null : orders.get(slot(step) % orders.size());
    if (order == null) {
      return Done.of(step + ": no order yet");
    }
    String on = step + " on " + order.label() + ": ";
    if (step instanceof CheckIn checkIn) {
      int position = checkIn.ticket() % order.view().items().stream().mapToInt(OrderView.Item::quantity).sum();
      boolean valid = app.orders().checkIn(order.orderId(), position, event.eventId(), clock.instant(), "North")
          .isPresent();
      return Done.of(on + "ticket " + position + (valid ? " VALID" : " refused"));
    }
    if (step instanceof Cancel cancel) {
      List<String> answers = new ArrayList<>();
      for (int i = 0; i < cancel.times(); i++) {
        answers.add(answer(i == 0 ? cancel.crash() : null,
            () -> app.orderService().cancel(order.buyer(), order.orderId()).status().name()));
      }
      return Done.of(on + String.join(", ", answers));
    }
    if (step instanceof Refund refund) {
      return Done.of(on + answer(refund.crash(),
          () -> app.orderService().refund(organizer(PurchaseFixture.ORGANIZER), order.orderId()).status().name()));
    }
    if (step instanceof ExpiryAgain) {
      String message = Json.write(new ExpiryMessage(order.orderId(), event.eventId(), order.buyer().sub(),
          ExpiryMessage.Kind.HOLD));
      return Done.of(on + expiryMessage(message, false));
    }
    if (order.view().payment() == null) {
      return Done.of(on + "a free order has no payment");
    }
    if (step instanceof Pay pay) {
      return Done.of(on + deliver(stripeEvent(order, StripeKind.SUCCEEDED, true), pay.crash(), pay.redeliver()));
    }
    if (step instanceof ChargeRefunded refunded) {
      stripeEvent(order, StripeKind.SUCCEEDED, false); // the money was paid before it could be refunded
      return Done.of(on + deliver(stripeEvent(order, StripeKind.REFUNDED, true), refunded.crash(),
          refunded.redeliver()));
    }
    if (step instanceof PaymentFailed) {
      return Done.of(on + deliver(StripeEventFixture.failed(order.view()), null, false));
    }
    if (step instanceof PaymentCanceled) {
      return Done.of(on + deliver(stripeEvent(order, StripeKind.CANCELED, true), null, false));
    }
    if (step instanceof Redeliver redeliver) {
      String body = stripe.getOrDefault(order.orderId(), Map.of()).get(redeliver.kind());
      if (body == null) {
        return Done.of(on + "never sent");
      }
      undelivered.remove(body);
      return Done.of(on + deliver(body, null, false));
    }
    throw new IllegalArgumentException("No way to run " + step);
  }

  private static int slot(LifecycleStep step) {
    if (step instanceof Slow slow) {
      return slot(slow.step());
    }
    if (step instanceof Pay pay) {
      return pay.order();
    }
    if (step instanceof PaymentFailed failedPayment) {
      return failedPayment.order();
    }
    if (step instanceof PaymentCanceled canceled) {
      return canceled.order();
    }
    if (step instanceof ChargeRefunded refunded) {
      return refunded.order();
    }
    if (step instanceof Redeliver redeliver) {
      return redeliver.order();
    }
    if (step instanceof Cancel cancel) {
      return cancel.order();
    }
    if (step instanceof Refund refund) {
      return refund.order();
    }
    if (step instanceof CheckIn checkIn) {
      return checkIn.order();
    }
    if (step instanceof ExpiryAgain again) {
      return again.order();
    }
    throw new IllegalArgumentException(step + " names no order");
  }

  private Done purchase(Purchase purchase) {
    Caller buyer = buyer(buyerSub(purchase.buyer()));
    List<PurchaseItem> items = new ArrayList<>();
    addItem(items, "GA", purchase.ga());
    addItem(items, "Lawn", purchase.lawn());
    addItem(items, "Guest", purchase.guest());
    String body = Json.write(new PurchaseRequest(event.eventId(), items));
    String key = "key-" + UUID.randomUUID();
    Optional<APIGatewayV2HTTPResponse> answer = crashes.call(purchase.crash(), () -> fixture.post(buyer, key, body));
    if (answer.isPresent()) {
      return answered(purchase + ": ", answer.get(), buyer);
    }
    if (!purchase.retry()) {
      return new Done(purchase + ": crashed, given up", null, new Attempt(key, buyer, body));
    }
    clock.advance(PURCHASE_CLAIM_LAPSES);
    return answered(purchase + ": crashed, retried: ", fixture.post(buyer, key, body), buyer);
  }

  private Done retry(RetryPurchase retry) {
    if (givenUp.isEmpty()) {
      return Done.of(retry + ": no purchase was given up");
    }
    Attempt attempt = givenUp.get(retry.attempt() % givenUp.size());
    return answered(retry + " = #" + givenUp.indexOf(attempt) + ": ",
        fixture.post(attempt.buyer(), attempt.key(), attempt.body()), attempt.buyer());
  }

  private void addItem(List<PurchaseItem> items, String type, int quantity) {
    if (quantity > 0) {
      items.add(new PurchaseItem(PurchaseFixture.typeId(event, type), quantity));
    }
  }

  private static String buyerSub(Buyer buyer) {
    return "u-prop-" + buyer.name().toLowerCase(java.util.Locale.ROOT);
  }

  private Done answered(String line, APIGatewayV2HTTPResponse response, Caller buyer) {
    JsonNode body = Json.read(response.getBody(), JsonNode.class);
    if (response.getStatusCode() == 201) {
      String orderId = body.get("orderId").asText();
      Order order = app.orders().find(orderId).orElseThrow();
      return new Done(line + "201 " + NEW_ORDER + " " + order.status(),
          new Known(null, orderId, buyer, OrderView.of(order, order.payment())), null);
    }
    // A 5xx (logged by the endpoint) is only noted: a failure half-way is one more crash, which the invariants cover.
    return Done.of(line + response.getStatusCode() + " " + (body.has("code") ? body.get("code").asText() : ""));
  }

  /** A request of the buyer or organizer, crashing at {@code crash}: its answer as the client would see it. */
  private String answer(Checkpoint crash, java.util.function.Supplier<String> request) {
    try {
      return crashes.call(crash, request).orElse("crashed@" + crash);
    } catch (DomainException e) {
      return e.status() + " " + e.code();
    } catch (SdkException unavailable) {
      return "500 (DynamoDB unavailable)";
    } catch (RuntimeException e) {
      problems.add("500 for a request: " + e);
      return "500 " + e;
    }
  }

  /**
   * The order's Stripe event of that kind, created the first time (Stripe sends each once); one created without
   * being delivered now is delivered later, when everything finishes.
   */
  private String stripeEvent(Known order, StripeKind kind, boolean deliveredNow) {
    Map<StripeKind, String> sent = stripe.computeIfAbsent(order.orderId(),
        id -> java.util.Collections.synchronizedMap(new EnumMap<>(StripeKind.class)));
    synchronized (sent) {
      String body = sent.get(kind);
      if (body == null) {
        body = switch (kind) {
          case SUCCEEDED -> StripeEventFixture.succeeded(order.view());
          case CANCELED -> StripeEventFixture.canceled(order.view());
          case REFUNDED -> StripeEventFixture.chargeRefunded(order.view(), order.view().amountCents());
        };
        sent.put(kind, body);
        if (!deliveredNow) {
          undelivered.add(body);
        }
      } else if (deliveredNow) {
        undelivered.remove(body);
      }
      return body;
    }
  }

  /** The payment-events consumer gets the event, crashing at {@code crash}; SQS delivers it again after a failure. */
  private String deliver(String body, Checkpoint crash, boolean redeliver) {
    try {
      Optional<PaymentEventService.Outcome> outcome =
          crashes.call(crash, () -> app.paymentEvents().apply(body));
      if (outcome.isPresent()) {
        return outcome.get().name();
      }
    } catch (RuntimeException e) {
      failed.add(body);
      return "failed, to be delivered again (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    }
    if (!redeliver) {
      return "crashed@" + crash + ", never delivered again";
    }
    return "crashed@" + crash + ", delivered again: " + deliver(body, null, false);
  }

  private Done timePasses(TimePasses time) {
    clock.advance(Duration.ofMinutes(time.minutes()));
    int events = deliverFailed();
    int messages = deliverDue(time.twice());
    return Done.of(time + ": " + messages + " expiry messages, " + events + " Stripe events delivered again");
  }

  /** SQS delivers each event whose delivery failed once more; those that fail again wait for the next time. */
  private int deliverFailed() {
    List<String> again = new ArrayList<>();
    for (String body = failed.poll(); body != null; body = failed.poll()) {
      again.add(body);
    }
    again.forEach(body -> deliver(body, null, false));
    return again.size();
  }

  private int deliverDue(boolean twice) {
    return app.dueQueue().deliverDue(clock.instant(), body -> {
      expiryMessage(body, true);
      if (twice) {
        expiryMessage(body, false);
      }
    });
  }

  /** The expiry consumer handles one message; if it fails and {@code requeue}, SQS delivers it again later. */
  private String expiryMessage(String body, boolean requeue) {
    try {
      return app.expiry().handle(body).name();
    } catch (RuntimeException e) {
      if (requeue) {
        app.expiryQueue().schedule(Json.read(body, ExpiryMessage.class), clock.instant(), clock.instant());
      }
      return "failed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    }
  }

  private static void pause() {
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------------------------------ letting it finish

  /**
   * Lets every process finish, as AWS would: time passes beyond every hold, lease and returns delay, Stripe
   * delivers the events it has not delivered yet, SQS delivers again what failed and every message now due, the
   * sweep runs; round after round, until a round finds nothing left to do.
   */
  void settle() {
    for (int round = 0; round < SETTLE_ROUNDS; round++) {
      clock.advance(SETTLE_ROUND);
      List<String> late = new ArrayList<>(undelivered);
      undelivered.removeAll(late);
      late.forEach(body -> deliver(body, null, false));
      int events = deliverFailed() + late.size();
      int messages = deliverDue(false);
      int swept = sweep();
      trace.add("settle round " + round + ": " + events + " Stripe events, " + messages + " expiry messages, "
          + swept + " swept");
      if (events == 0 && messages == 0 && swept == 0) {
        return;
      }
    }
  }

  /** How many due orders the sweep looked at; -1 if its query failed (the next run looks again). */
  private int sweep() {
    try {
      return app.expiry().sweep();
    } catch (SdkException unavailable) {
      return -1;
    }
  }

  /** The end invariants of model/PROTOCOL.md, once every process finished. */
  void checkEnd() {
    List<String> broken = new ArrayList<>(alwaysBroken());
    List<Map<String, AttributeValue>> items = partition();
    List<Order> all = allOrders();
    if (!failed.isEmpty() || !undelivered.isEmpty()) {
      broken.add("Stripe events still not applied after settling: " + (failed.size() + undelivered.size()));
    }
    for (Order order : all) {
      if (!FINAL.contains(order.status())) {
        broken.add(name(order) + " ended " + order.status() + ", not in a final state");
      }
    }
    broken.addAll(stockBroken(items, true));
    Map<String, Long> sold = new HashMap<>();
    items.stream().filter(LifecycleWorld::isShard).forEach(shard ->
        sold.merge(shard.get("ticketTypeId").s(), num(shard, "sold"), Long::sum));
    Map<String, Long> expected = new HashMap<>();
    types.keySet().forEach(type -> expected.put(type, 0L));
    for (Order order : all) {
      if (order.status() == OrderStatus.PAID) {
        order.items().forEach(item -> expected.merge(item.ticketTypeId(), (long) item.quantity(), Long::sum));
      } else if (order.status().refunded()) {
        order.checkedInByType().forEach((type, count) -> expected.merge(type, count, Long::sum));
      }
    }
    if (!sold.equals(expected)) {
      broken.add("sold per type " + named(sold) + " but the PAID orders' tickets (and those checked in before a"
          + " refund in Stripe) are " + named(expected));
    }
    broken.addAll(buyersBrokenAtEnd(items, all));
    broken.addAll(moneyBroken(all));
    if (!broken.isEmpty()) {
      throw failure("once everything finished", broken);
    }
  }

  /** Buyer counters at the end: only paid orders count, for good, and exactly their tickets. */
  private List<String> buyersBrokenAtEnd(List<Map<String, AttributeValue>> items, List<Order> all) {
    List<String> broken = new ArrayList<>();
    Map<String, Order> byId = all.stream().collect(Collectors.toMap(Order::orderId, o -> o));
    Map<String, Long> expected = new HashMap<>();
    for (Order order : all) {
      if (order.status() == OrderStatus.PAID) {
        order.items().stream().filter(OrderItem::buyerLimited).forEach(item ->
            expected.merge(order.buyerId() + "/" + item.ticketTypeId(), (long) item.quantity(), Long::sum));
      }
    }
    Map<String, Long> counted = new HashMap<>();
    for (Map<String, AttributeValue> counter : items) {
      if (!counter.get("sk").s().startsWith("BUYER#")) {
        continue;
      }
      String key = counter.get("buyerId").s() + "/" + counter.get("ticketTypeId").s();
      counted.merge(key, num(counter, "count"), Long::sum);
      holds(counter).forEach((orderId, entry) -> {
        Order order = byId.get(orderId);
        if (order == null || order.status() != OrderStatus.PAID || order.gen() != num(entry, "g")
            || entry.containsKey("exp")) {
          broken.add("buyer counter " + key + " still has an entry of " + (order == null ? orderId : name(order))
              + " " + entry);
        }
      });
    }
    expected.forEach((key, count) -> {
      if (counted.getOrDefault(key, 0L) != count.longValue()) {
        broken.add("buyer counter " + key + " is " + counted.getOrDefault(key, 0L) + ", its PAID orders have " + count);
      }
    });
    counted.forEach((key, count) -> {
      if (count != 0 && !expected.containsKey(key)) {
        broken.add("buyer counter " + key + " is " + count + " with no PAID order");
      }
    });
    return broken;
  }

  /**
   * Money kept only for usable tickets: an order Stripe took money for is PAID (and the money kept), or REFUNDED
   * with the money sent back (by us, once: one idempotency key per order) or refunded in Stripe; an order never paid
   * had no money sent back and is not PAID.
   */
  private List<String> moneyBroken(List<Order> all) {
    List<String> broken = new ArrayList<>();
    for (Order order : all) {
      if (order.payment() == null) {
        if (order.status() != OrderStatus.PAID && order.status() != OrderStatus.REFUNDED) {
          broken.add("free " + name(order) + " ended " + order.status());
        }
        continue;
      }
      String intent = order.payment().paymentIntentId();
      List<RecordingPaymentGateway.Refund> refunds = gateway.refunds.stream()
          .filter(r -> r.paymentIntentId().equals(intent)).toList();
      refunds.stream().filter(r -> !r.idempotencyKey().equals(OrderLifecycle.refundKey(order))).forEach(r ->
          broken.add(name(order) + " was refunded under another key (" + r.idempotencyKey() + "): twice, in Stripe"));
      Map<StripeKind, String> sent = stripe.getOrDefault(order.orderId(), Map.of());
      boolean paid = sent.containsKey(StripeKind.SUCCEEDED);
      boolean refundedInStripe = sent.containsKey(StripeKind.REFUNDED);
      if (!paid) {
        if (!refunds.isEmpty()) {
          broken.add(name(order) + " was never paid, yet money was sent back");
        }
        if (order.status() == OrderStatus.PAID || order.status() == OrderStatus.REFUNDED) {
          broken.add(name(order) + " was never paid, yet ended " + order.status());
        }
      } else if (order.status() == OrderStatus.PAID) {
        if (!refunds.isEmpty() || refundedInStripe) {
          broken.add(name(order) + " is PAID with usable tickets, yet its money went back"
              + (refundedInStripe ? " (refunded in Stripe)" : ""));
        }
      } else if (order.status() == OrderStatus.REFUNDED) {
        if (refunds.isEmpty() && !refundedInStripe) {
          broken.add(name(order) + " is REFUNDED, its tickets void, but the money was kept");
        }
      } else {
        broken.add(name(order) + " was paid in Stripe but ended " + order.status()
            + (refunds.isEmpty() && !refundedInStripe ? " with the money kept" : ""));
      }
    }
    return broken;
  }

  // ------------------------------------------------------------------------------------------ invariants

  /** What must hold at every instant (model/PROTOCOL.md, invariants 1, 2 and 4). */
  private List<String> alwaysBroken() {
    List<String> broken = new ArrayList<>(problems);
    problems.clear();
    List<Map<String, AttributeValue>> items = partition();
    broken.addAll(stockBroken(items, false));
    Map<String, Long> perType = new HashMap<>();
    items.stream().filter(LifecycleWorld::isShard).forEach(shard -> perType.merge(shard.get("ticketTypeId").s(),
        num(shard, "available") + num(shard, "held") + num(shard, "sold"), Long::sum));
    types.values().forEach(type -> {
      if (perType.getOrDefault(type.ticketTypeId(), 0L) != type.capacity()) {
        broken.add(type.name() + ": available + held + sold = " + perType.get(type.ticketTypeId())
            + ", capacity " + type.capacity());
      }
    });
    for (Map<String, AttributeValue> counter : items) {
      if (!counter.get("sk").s().startsWith("BUYER#")) {
        continue;
      }
      long count = num(counter, "count");
      long entries = holds(counter).values().stream().mapToLong(entry -> num(entry, "q")).sum();
      Integer max = types.get(counter.get("ticketTypeId").s()).maxPerBuyer();
      if (count != entries || count < 0 || count > max) {
        broken.add("buyer counter " + counter.get("sk").s() + ": count " + count + ", entries " + entries + ", max "
            + max);
      }
    }
    for (Order order : indexedOrders()) {
      broken.addAll(ticketsBroken(order));
    }
    return broken;
  }

  /** PAID only with all its tickets; check-ins only on tickets that were usable; a refunded order's tickets void. */
  private List<String> ticketsBroken(Order order) {
    List<String> broken = new ArrayList<>();
    List<Ticket> tickets = order.tickets();
    if (order.status() == OrderStatus.PAID && tickets.size() != order.ticketCount()) {
      broken.add(name(order) + " is PAID with " + tickets.size() + " of " + order.ticketCount() + " tickets");
    }
    if (!order.checkins().isEmpty() && order.status() != OrderStatus.PAID && !order.status().refunded()) {
      broken.add(name(order) + " is " + order.status() + " with checked-in tickets " + order.checkins().keySet());
    }
    if (order.status().refunded()) {
      for (Ticket ticket : tickets) {
        boolean usedBeforeStripeRefund = ticket.status() == TicketStatus.CHECKED_IN && order.refund().external();
        if (ticket.status() != TicketStatus.VOID && !usedBeforeStripeRefund) {
          broken.add(name(order) + " is " + order.status() + " (refund by " + order.refund().by() + ") with ticket "
              + ticket.position() + " " + ticket.status());
        }
      }
    }
    return broken;
  }

  /**
   * Per shard: available + held + sold == capacity, none negative, held == the sum of the holds entries; at the end
   * ({@code settled}) also no entry left and no returns marker (pruned).
   */
  private List<String> stockBroken(List<Map<String, AttributeValue>> items, boolean settled) {
    List<String> broken = new ArrayList<>();
    for (Map<String, AttributeValue> shard : items) {
      if (!isShard(shard)) {
        continue;
      }
      String sk = shard.get("sk").s();
      long available = num(shard, "available");
      long held = num(shard, "held");
      long sold = num(shard, "sold");
      long entries = holds(shard).values().stream().mapToLong(entry -> num(entry, "q")).sum();
      if (available < 0 || held < 0 || sold < 0 || available + held + sold != num(shard, "capacity")
          || held != entries) {
        broken.add(sk + ": available " + available + ", held " + held + ", sold " + sold + ", capacity "
            + num(shard, "capacity") + ", holds entries " + entries);
      }
      if (settled && !holds(shard).isEmpty()) {
        broken.add(sk + " still holds " + holds(shard).keySet().stream().map(this::name).toList());
      }
      Map<String, AttributeValue> returned = shard.getOrDefault("returned", AttributeValue.fromM(Map.of())).m();
      if (settled && !returned.isEmpty()) {
        broken.add(sk + " still has returns markers of " + returned.keySet().stream().map(this::name).toList());
      }
    }
    return broken;
  }

  private static boolean isShard(Map<String, AttributeValue> item) {
    return item.get("sk").s().startsWith("INV#");
  }

  private static Map<String, Map<String, AttributeValue>> holds(Map<String, AttributeValue> item) {
    Map<String, Map<String, AttributeValue>> entries = new HashMap<>();
    item.getOrDefault("holds", AttributeValue.fromM(Map.of())).m().forEach((orderId, entry) ->
        entries.put(orderId, entry.m()));
    return entries;
  }

  private static long num(Map<String, AttributeValue> item, String attribute) {
    AttributeValue value = item.get(attribute);
    return value == null ? 0 : Long.parseLong(value.n());
  }

  /** Every item of the event's partition: the event, its stock shards and its buyer counters (one Query). */
  private List<Map<String, AttributeValue>> partition() {
    return fixture.partition(event);
  }

  /** Every order of the event, those of purchases given up included, as the event's order index has them. */
  private List<Order> indexedOrders() {
    List<Order> all = new ArrayList<>();
    Optional<Map<String, String>> after = Optional.empty();
    do {
      OrderRepository.Page page = app.orders().eventOrders(event.eventId(), 100, after);
      all.addAll(page.orders());
      after = page.next();
    } while (after.isPresent());
    return all;
  }

  /** Every order of the event, each read strongly consistently. */
  private List<Order> allOrders() {
    List<Order> all = new ArrayList<>();
    indexedOrders().forEach(indexed -> app.orders().find(indexed.orderId()).ifPresent(all::add));
    return all;
  }

  private String name(Order order) {
    return name(order.orderId());
  }

  /** The order's label in the trace ({@code o1}), or its id for an order no purchase of the scenario answered. */
  private String name(String orderId) {
    return orders.stream().filter(o -> o.orderId().equals(orderId)).map(Known::label).findFirst()
        .orElse("unanswered order " + orderId);
  }

  private Map<String, Long> named(Map<String, Long> byTypeId) {
    Map<String, Long> named = new java.util.TreeMap<>();
    byTypeId.forEach((id, count) -> named.put(types.get(id).name(), count));
    return named;
  }

  private AssertionError failure(String when, List<String> broken) {
    return new AssertionError("Broken " + when + ":\n  " + String.join("\n  ", broken) + "\nTrace:\n  "
        + String.join("\n  ", trace) + "\nOrders:\n  " + allOrders().stream()
        .map(o -> name(o) + " " + o.status() + " gen " + o.gen() + " " + o.items() + " checkins " + o.checkins().keySet())
        .collect(Collectors.joining("\n  ")));
  }

  /** What the scenario reached, for the statistics of the properties (a generator that never gets there is useless). */
  boolean reached(String outcome) {
    return trace.stream().anyMatch(line -> line.contains(outcome));
  }
}
