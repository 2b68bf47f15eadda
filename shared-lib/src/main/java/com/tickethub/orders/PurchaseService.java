package com.tickethub.orders;

import com.tickethub.auth.Caller;
import com.tickethub.config.Config;
import com.tickethub.errors.InvalidRequest;
import com.tickethub.errors.LimitExceeded;
import com.tickethub.errors.SalesClosed;
import com.tickethub.errors.SoldOut;
import com.tickethub.events.Event;
import com.tickethub.events.EventService;
import com.tickethub.events.TicketType;
import com.tickethub.http.Json;
import com.tickethub.idempotency.Idempotency;
import com.tickethub.inventory.Allocation;
import com.tickethub.inventory.BuyerLimitRepository;
import com.tickethub.inventory.InventoryRepository;
import com.tickethub.inventory.TypeCounts;
import com.tickethub.payments.PaymentGateway;
import com.tickethub.payments.PaymentIntent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * {@code POST /tickets/purchase}: holds the tickets, starts the payment, writes the order, schedules its
 * expiry. All or nothing: the types are taken one by one in ticketTypeId order, and what was taken is given
 * back when a later type fails. The order id is derived from the caller, the Idempotency-Key and the request,
 * so a retry after a crash is the same order: it re-finds its holds, gets the same PaymentIntent (Stripe's
 * idempotency key is the order id), and cannot write a second order.
 */
@Singleton
public class PurchaseService {
  public static final String PROVIDER = "stripe";

  private final EventService events;
  private final InventoryRepository inventory;
  private final BuyerLimitRepository buyers;
  private final OrderRepository orders;
  private final OrderHolds holds;
  private final PaymentGateway payments;
  private final HoldExpiryQueue expiryQueue;
  private final Checkpoints checkpoints;
  private final Clock clock;
  private final Duration holdTime;

  @Inject
  public PurchaseService(EventService events, InventoryRepository inventory, BuyerLimitRepository buyers,
      OrderRepository orders, OrderHolds holds, PaymentGateway payments, HoldExpiryQueue expiryQueue,
      Checkpoints checkpoints, Clock clock, Config config) {
    this.events = events;
    this.inventory = inventory;
    this.buyers = buyers;
    this.orders = orders;
    this.holds = holds;
    this.payments = payments;
    this.expiryQueue = expiryQueue;
    this.checkpoints = checkpoints;
    this.clock = clock;
    this.holdTime = Duration.ofMinutes(config.getLong("HOLD_MINUTES", 10));
  }

  /** A line of the request with its ticket type, in the order the types are taken. */
  private record Line(TicketType type, int quantity) {}

  public OrderView purchase(Caller buyer, String idempotencyKey, PurchaseRequest request) {
    Event event = events.find(request.eventId());
    Instant now = clock.instant();
    List<Line> lines = lines(event, request, now);
    String orderId = orderId(buyer, idempotencyKey, request);
    Optional<Order> earlier = orders.find(orderId);
    if (earlier.isPresent()) {
      return resume(earlier.get());
    }
    Instant expiresAt = now.plus(holdTime).truncatedTo(ChronoUnit.SECONDS);
    List<OrderItem> items = take(event, buyer.sub(), orderId, lines, expiresAt);
    long amount = items.stream().mapToLong(i -> i.unitPriceCents() * i.quantity()).sum();
    boolean created;
    Order order;
    try {
      checkpoints.reached(Checkpoint.HOLDS_TAKEN);
      Payment payment = null;
      if (amount > 0) {
        PaymentIntent intent = payments.createIntent(orderId, amount, event.currency());
        checkpoints.reached(Checkpoint.INTENT_CREATED);
        payment = new Payment(PROVIDER, intent.id(), intent.clientSecret());
      }
      order = new Order(orderId, buyer.sub(), event.eventId(), items, amount, event.currency(),
          OrderStatus.PENDING_PAYMENT, expiresAt, payment, null, List.of(), now);
      order = amount > 0 ? order : order.paidWithTickets();
      created = orders.create(order);
    } catch (RuntimeException e) {
      // No order records these holds (unless the failed write did land): give them back, leave nothing behind.
      if (orders.find(orderId).isEmpty()) {
        holds.release(event.eventId(), buyer.sub(), orderId, items);
      }
      throw e;
    }
    if (!created) {
      return resume(orders.find(orderId).orElseThrow());
    }
    checkpoints.reached(Checkpoint.ORDER_WRITTEN);
    return resume(order);
  }

  /**
   * Brings a written order to where the purchase leaves it, whether this request wrote it or an earlier
   * attempt that died: an unpaid order has its expiry scheduled (a second message is harmless), a free one
   * has its tickets issued and its holds sold.
   */
  private OrderView resume(Order order) {
    if (order.status() == OrderStatus.PENDING_PAYMENT) {
      expiryQueue.schedule(order.orderId(), order.expiresAt(), clock.instant());
      checkpoints.reached(Checkpoint.EXPIRY_SCHEDULED);
    } else if (order.status() == OrderStatus.PAID) {
      holds.settle(order);
      checkpoints.reached(Checkpoint.TICKETS_ISSUED);
    }
    return OrderView.forBuyer(order);
  }

  private List<Line> lines(Event event, PurchaseRequest request, Instant now) {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < request.items().size(); i++) {
      PurchaseItem item = request.items().get(i);
      String field = "items[" + i + "]";
      TicketType type = event.ticketType(item.ticketTypeId())
          .orElseThrow(() -> new InvalidRequest(field + ".ticketTypeId", "is not a ticket type of this event"));
      if (item.quantity() > type.maxPerOrder()) {
        throw new LimitExceeded(field + ".quantity: at most " + type.maxPerOrder() + " per order for " + type.name());
      }
      if (type.maxPerBuyer() != null && item.quantity() > type.maxPerBuyer()) {
        throw new LimitExceeded(field + ".quantity: at most " + type.maxPerBuyer() + " per buyer for " + type.name());
      }
      if (!type.onSaleAt(now)) {
        throw new SalesClosed(type.name() + " is not on sale now");
      }
      lines.add(new Line(type, item.quantity()));
    }
    lines.sort(Comparator.comparing(line -> line.type().ticketTypeId()));
    return lines;
  }

  /**
   * Takes every line or nothing: on the first refusal (or an unexpected failure) gives back what this order
   * took. The buyer's counter of a type is taken before its inventory, which a refusal gives back too.
   */
  private List<OrderItem> take(Event event, String buyerId, String orderId, List<Line> lines, Instant expiresAt) {
    List<OrderItem> taken = new ArrayList<>();
    try {
      for (Line line : lines) {
        TicketType type = line.type();
        boolean limited = type.maxPerBuyer() != null;
        if (limited && !buyers.take(event.eventId(), type.ticketTypeId(), buyerId, orderId, line.quantity(),
            type.maxPerBuyer(), expiresAt)) {
          throw new LimitExceeded("At most " + type.maxPerBuyer() + " tickets of " + type.name() + " per buyer");
        }
        OrderItem item = new OrderItem(type.ticketTypeId(), line.quantity(), type.priceCents(), limited, List.of());
        taken.add(item);
        Optional<List<Allocation>> allocations =
            inventory.take(event.eventId(), type, orderId, line.quantity(), expiresAt);
        if (allocations.isEmpty()) {
          holds.release(event.eventId(), buyerId, orderId, taken);
          taken.clear();
          throw soldOut(event.eventId(), lines); // counted after the give-back, so it shows what is really left
        }
        taken.set(taken.size() - 1, item.withAllocations(allocations.get()));
      }
      return taken;
    } catch (RuntimeException e) {
      holds.release(event.eventId(), buyerId, orderId, taken);
      throw e;
    }
  }

  private SoldOut soldOut(String eventId, List<Line> lines) {
    Map<String, TypeCounts> counts = inventory.counts(eventId);
    Map<String, Long> available = new LinkedHashMap<>();
    lines.forEach(line -> available.put(line.type().ticketTypeId(),
        counts.getOrDefault(line.type().ticketTypeId(), TypeCounts.ZERO).available()));
    return new SoldOut(available);
  }

  /** The same caller, key and request always name the same order; anything else never does. */
  static String orderId(Caller buyer, String idempotencyKey, PurchaseRequest request) {
    String material = buyer.sub() + "\n" + idempotencyKey + "\n" + Idempotency.sha256(Json.write(request));
    return UUID.nameUUIDFromBytes(material.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
