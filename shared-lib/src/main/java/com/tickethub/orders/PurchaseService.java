package com.tickethub.orders;

import com.tickethub.auth.Caller;
import com.tickethub.config.Config;
import com.tickethub.errors.InvalidRequest;
import com.tickethub.errors.LimitExceeded;
import com.tickethub.errors.SalesClosed;
import com.tickethub.errors.SeatsUnavailable;
import com.tickethub.errors.SoldOut;
import com.tickethub.events.Event;
import com.tickethub.events.EventService;
import com.tickethub.events.TicketType;
import com.tickethub.idempotency.Claim;
import com.tickethub.inventory.InventoryRepository;
import com.tickethub.inventory.TypeCounts;
import com.tickethub.orders.OrderStock.Line;
import com.tickethub.orders.OrderStock.Taken;
import com.tickethub.payments.PaymentGateway;
import com.tickethub.payments.PaymentIntent;
import com.tickethub.seats.SeatId;
import com.tickethub.seats.SeatLayouts;
import com.tickethub.seats.SeatPlan;
import com.tickethub.seats.SeatRepository;
import com.tickethub.seats.SeatRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /tickets/purchase}: queues the order's expiry, holds the tickets (all or nothing), starts the
 * payment and writes the order (T1). The order id is the Idempotency-Key claim's token: a fresh claim starts a
 * new order without reading anything; a claim taken over from a Lambda that died continues its order, reading it
 * first and re-finding its holds instead of taking twice; the PaymentIntent is the same (Stripe's idempotency
 * key is the order id).
 */
@Singleton
public class PurchaseService {
  public static final String PROVIDER = "stripe";
  private static final Logger LOG = LoggerFactory.getLogger(PurchaseService.class);

  private final EventService events;
  private final InventoryRepository inventory;
  private final OrderRepository orders;
  private final OrderStock stock;
  private final SeatLayouts seatPlans;
  private final SeatRepository seatRows;
  private final PaymentGateway payments;
  private final HoldExpiryQueue expiryQueue;
  private final Checkpoints checkpoints;
  private final Clock clock;
  private final Duration holdTime;

  @Inject
  public PurchaseService(EventService events, InventoryRepository inventory, OrderRepository orders,
      OrderStock stock, SeatLayouts seatPlans, SeatRepository seatRows, PaymentGateway payments,
      HoldExpiryQueue expiryQueue, Checkpoints checkpoints, Clock clock, Config config) {
    this.events = events;
    this.inventory = inventory;
    this.orders = orders;
    this.stock = stock;
    this.seatPlans = seatPlans;
    this.seatRows = seatRows;
    this.payments = payments;
    this.expiryQueue = expiryQueue;
    this.checkpoints = checkpoints;
    this.clock = clock;
    this.holdTime = Duration.ofMinutes(config.getLong("HOLD_MINUTES", 10));
  }

  public OrderView purchase(Caller buyer, Claim claim, PurchaseRequest request) {
    Event event = events.definition(request.eventId());
    Instant now = clock.instant();
    List<Line> lines = lines(event, request, now, claim.resumed());
    String orderId = claim.token();
    if (claim.resumed()) {
      Optional<Order> earlier = orders.find(orderId);
      if (earlier.isPresent()) {
        return resume(earlier.get());
      }
    }
    Instant expiresAt = now.plus(holdTime).truncatedTo(ChronoUnit.SECONDS);
    expiryQueue.schedule(new ExpiryMessage(orderId, event.eventId(), buyer.sub(), ExpiryMessage.Kind.HOLD,
        !claim.resumed()), expiresAt, now);
    checkpoints.reached(Checkpoint.EXPIRY_SCHEDULED);
    Taken taken = stock.take(event.eventId(), buyer.sub(), orderId, 1, lines, expiresAt);
    if (taken instanceof Taken.OverBuyerLimit over) {
      throw new LimitExceeded("At most " + over.type().maxPerBuyer() + " tickets of " + over.type().name()
          + " per buyer");
    }
    if (taken instanceof Taken.SeatsUnavailable unavailable) {
      List<String> seats = unavailable.seats().stream().map(SeatId::toString).toList();
      throw new SeatsUnavailable(seats, "Not free: " + String.join(", ", seats) + "; nothing was held");
    }
    if (!(taken instanceof Taken.All all)) {
      throw soldOut(event.eventId(), lines);
    }
    List<OrderItem> items = all.items();
    long amount = items.stream().mapToLong(i -> i.unitPriceCents() * i.quantity()).sum();
    Order order;
    boolean created;
    try {
      checkpoints.reached(Checkpoint.HOLDS_TAKEN);
      Payment payment = null;
      if (amount > 0) {
        PaymentIntent intent = payments.createIntent(orderId, amount, event.currency());
        checkpoints.reached(Checkpoint.INTENT_CREATED);
        payment = new Payment(PROVIDER, intent.id(), intent.clientSecret());
      }
      order = Order.create(orderId, buyer.sub(), event.eventId(), items, amount, event.currency(), expiresAt, payment,
          now);
      created = orders.create(order);
    } catch (RuntimeException e) {
      // No order records these holds (unless the failed write did land): give them back, leave nothing behind.
      if (orders.find(orderId).isEmpty()) {
        stock.release(event.eventId(), buyer.sub(), orderId, 1, items);
      }
      throw e;
    }
    if (!created) {
      return resume(orders.find(orderId).orElseThrow());
    }
    return resume(order);
  }

  /**
   * Brings a written order to where the purchase leaves it, whether this request wrote it or an attempt that died:
   * a free (PAID) order has its holds made final; anything else is answered as it is. Once the order exists the
   * purchase has happened: a failure here is logged, not answered (the order's expiry message finishes the
   * commit), so that the key is not given back for a retry that would start a second order.
   */
  private OrderView resume(Order order) {
    try {
      checkpoints.reached(Checkpoint.ORDER_WRITTEN);
      if (order.status() == OrderStatus.PAID) {
        stock.commit(order, checkpoints);
      }
    } catch (RuntimeException e) {
      LOG.warn("Order {} is written; finishing it failed and is left to its expiry message", order.orderId(), e);
    }
    return OrderView.of(order, order.payment());
  }

  private List<Line> lines(Event event, PurchaseRequest request, Instant now, boolean resumed) {
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
      if (!type.seated() && item.asksForSeats()) {
        throw new InvalidRequest(field + ".seats", type.name() + " is not a seated type: ask for a quantity only");
      }
      lines.add(type.seated() ? new Line(type, item.quantity(), seats(event, type, item, field, resumed))
          : new Line(type, item.quantity()));
    }
    return lines;
  }

  /** What a line asks of a seated type; chosen seats must exist and be of that type (400 naming the seat). */
  private SeatRequest seats(Event event, TicketType type, PurchaseItem item, String field, boolean resumed) {
    SeatRequest request = item.seatRequest(resumed);
    SeatPlan plan = seatPlans.of(event);
    for (int j = 0; j < request.chosen().size(); j++) {
      SeatId seat = request.chosen().get(j);
      if (!plan.sells(seat, type.ticketTypeId())) {
        throw new InvalidRequest(field + ".seats[" + j + "]", plan.row(seat).filter(r -> r.exists(seat.number()))
            .isPresent() ? seat + " is not a seat of " + type.name() : "there is no seat " + seat + " in this event");
      }
    }
    return request;
  }

  /** Counted after the take gave back what it held, so it shows what is really left. */
  private SoldOut soldOut(String eventId, List<Line> lines) {
    Map<String, TypeCounts> counts = inventory.counts(eventId);
    Map<String, Long> freeSeats = lines.stream().anyMatch(l -> l.type().seated()) ? seatRows.free(eventId) : Map.of();
    Map<String, Long> available = new LinkedHashMap<>();
    lines.forEach(line -> available.put(line.type().ticketTypeId(), line.type().seated()
        ? freeSeats.getOrDefault(line.type().ticketTypeId(), 0L)
        : counts.getOrDefault(line.type().ticketTypeId(), TypeCounts.ZERO).available()));
    return new SoldOut(available);
  }
}
