package com.tickethub.orders;

import com.tickethub.inventory.Allocation;
import com.tickethub.inventory.BuyerLimitRepository;
import com.tickethub.inventory.HoldEntry;
import com.tickethub.inventory.InventoryRepository;
import java.time.Clock;
import java.time.Instant;
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
 * Ends holds that are due. {@link #expire} is the one rule, used by the hold-expiry queue's consumer and by
 * the sweep: an unpaid order past {@code expiresAt} becomes EXPIRED (one conditional write, so only once) and
 * its holds go back; whatever state a crash left is finished. {@link #sweep} is the backstop: it finds
 * every expired hold, also those that no order owns (a purchase that died before writing its order).
 */
@Singleton
public class ExpiryService {
  private static final Logger LOG = LoggerFactory.getLogger(ExpiryService.class);

  private final OrderRepository orders;
  private final OrderHolds holds;
  private final InventoryRepository inventory;
  private final BuyerLimitRepository buyers;
  private final Clock clock;

  /** What {@link #expire} found; {@code dueAt} is set for NOT_DUE. */
  public record Result(Outcome outcome, Instant dueAt) {}

  public enum Outcome {
    /** This call moved the order to EXPIRED and gave its holds back. */
    EXPIRED,
    /** The order is unpaid and its hold still runs. */
    NOT_DUE,
    /** The order had ended already; any hold a crash left open was given back (or, if paid, made final). */
    ALREADY_ENDED,
    /** There is no such order. */
    NO_ORDER
  }

  @Inject
  public ExpiryService(OrderRepository orders, OrderHolds holds, InventoryRepository inventory,
      BuyerLimitRepository buyers, Clock clock) {
    this.orders = orders;
    this.holds = holds;
    this.inventory = inventory;
    this.buyers = buyers;
    this.clock = clock;
  }

  public Result expire(String orderId) {
    Optional<Order> found = orders.find(orderId);
    if (found.isEmpty()) {
      return new Result(Outcome.NO_ORDER, null);
    }
    Order order = found.get();
    Instant now = clock.instant();
    if (order.status() == OrderStatus.PENDING_PAYMENT) {
      if (order.expiresAt().isAfter(now)) {
        return new Result(Outcome.NOT_DUE, order.expiresAt());
      }
      if (orders.expire(orderId, now)) {
        holds.release(order);
        return new Result(Outcome.EXPIRED, null);
      }
      order = orders.find(orderId).orElseThrow(); // paid or cancelled in between: finish that instead
    }
    switch (order.status()) {
      case EXPIRED, CANCELLED -> holds.release(order);
      case PAID -> holds.settle(order);
      default -> { }
    }
    return new Result(Outcome.ALREADY_ENDED, null);
  }

  /**
   * Finds every hold past its expiry, ends its order through {@link #expire}, and then gives back each such
   * hold that no live order owns: holds of orders that were never written, and parts a retried purchase did
   * not reuse. Returns how many holds it gave back as strays.
   */
  public int sweep() {
    Instant now = clock.instant();
    Map<String, List<HoldEntry>> expired = new LinkedHashMap<>();
    inventory.scanHolds(hold -> {
      if (hold.expiredAt(now)) {
        expired.computeIfAbsent(hold.orderId(), id -> new ArrayList<>()).add(hold);
      }
    });
    int strays = 0;
    for (Map.Entry<String, List<HoldEntry>> order : expired.entrySet()) {
      try {
        strays += sweepOrder(order.getKey(), order.getValue(), now);
      } catch (RuntimeException e) {
        // One order that cannot be handled now must not keep the others from expiring; the next run retries it.
        LOG.error("Sweep could not end the holds of order {}", order.getKey(), e);
      }
    }
    return strays;
  }

  private int sweepOrder(String orderId, List<HoldEntry> expiredHolds, Instant now) {
    expire(orderId);
    Optional<Order> owner = orders.find(orderId)
        .filter(o -> o.status() == OrderStatus.PENDING_PAYMENT || o.status() == OrderStatus.PAID);
    int strays = 0;
    for (HoldEntry hold : expiredHolds) {
      if (owner.isPresent() && owns(owner.get(), hold)) {
        continue;
      }
      boolean released = hold.kind() == HoldEntry.Kind.INVENTORY
          ? inventory.releaseIfExpired(hold, now)
          : buyers.releaseIfExpired(hold, now);
      strays += released ? 1 : 0;
    }
    return strays;
  }

  private static boolean owns(Order order, HoldEntry hold) {
    return order.items().stream().filter(item -> item.ticketTypeId().equals(hold.ticketTypeId())).anyMatch(item ->
        hold.kind() == HoldEntry.Kind.INVENTORY
            ? item.allocations().stream().map(Allocation::shard).anyMatch(shard -> shard == hold.shard())
            : item.buyerLimited() && order.buyerId().equals(hold.buyerId()));
  }
}
