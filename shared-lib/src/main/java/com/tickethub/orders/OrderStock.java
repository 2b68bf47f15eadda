package com.tickethub.orders;

import com.tickethub.events.TicketType;
import com.tickethub.inventory.Allocation;
import com.tickethub.inventory.BuyerLimitRepository;
import com.tickethub.inventory.HoldEntry;
import com.tickethub.inventory.InventoryRepository;
import com.tickethub.inventory.InventoryRepository.GiveBack;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * What an order holds in the stock and the buyer counters, taken, given back or made final, for one generation
 * of the order (model/PROTOCOL.md, "Entry operations"). Every step is conditional on the order's own entry and
 * generation, so each method can run any number of times, from any actor, and each ticket moves once.
 */
@Singleton
public class OrderStock {
  private final InventoryRepository inventory;
  private final BuyerLimitRepository buyers;
  private final Clock clock;

  @Inject
  public OrderStock(InventoryRepository inventory, BuyerLimitRepository buyers, Clock clock) {
    this.inventory = inventory;
    this.buyers = buyers;
    this.clock = clock;
  }

  /** A line to take: a ticket type and how many. */
  public record Line(TicketType type, int quantity) {}

  /** What {@link #take} came to: every line held, or the first line refused (and nothing held). */
  public sealed interface Taken {
    record All(List<OrderItem> items) implements Taken {}

    record SoldOut() implements Taken {}

    record OverBuyerLimit(TicketType type) implements Taken {}
  }

  /**
   * Takes every line for generation {@code gen} of the order, or nothing: the types one by one in ticketTypeId
   * order (so two orders never wait on each other in opposite orders), the buyer's counter of a type before its
   * stock, and on the first refusal (or an unexpected failure) gives back what this call took.
   */
  public Taken take(String eventId, String buyerId, String orderId, int gen, List<Line> lines, Instant expiresAt) {
    List<Line> ordered = lines.stream().sorted(Comparator.comparing(line -> line.type().ticketTypeId())).toList();
    List<OrderItem> taken = new ArrayList<>();
    try {
      for (Line line : ordered) {
        TicketType type = line.type();
        boolean limited = type.maxPerBuyer() != null;
        if (limited && !buyers.take(eventId, type.ticketTypeId(), buyerId, orderId, gen, line.quantity(),
            type.maxPerBuyer(), expiresAt)) {
          release(eventId, buyerId, orderId, gen, taken);
          return new Taken.OverBuyerLimit(type);
        }
        OrderItem item = new OrderItem(type.ticketTypeId(), line.quantity(), type.priceCents(), limited, List.of());
        taken.add(item);
        Optional<List<Allocation>> allocations =
            inventory.take(eventId, type, orderId, gen, line.quantity(), expiresAt);
        if (allocations.isEmpty()) {
          release(eventId, buyerId, orderId, gen, taken);
          return new Taken.SoldOut();
        }
        taken.set(taken.size() - 1, item.withAllocations(allocations.get()));
      }
      return new Taken.All(taken);
    } catch (RuntimeException e) {
      release(eventId, buyerId, orderId, gen, taken);
      throw e;
    }
  }

  /** Gives back to sale what the order's generation holds, and uncounts it for the buyer. */
  public void release(Order order) {
    release(order.eventId(), order.buyerId(), order.orderId(), order.gen(), order.items());
  }

  void release(String eventId, String buyerId, String orderId, int gen, List<OrderItem> items) {
    for (OrderItem item : items) {
      for (Allocation part : item.allocations()) {
        inventory.release(eventId, item.ticketTypeId(), orderId, gen, part);
      }
      if (item.buyerLimited()) {
        buyers.release(eventId, item.ticketTypeId(), buyerId, orderId, gen, item.quantity());
      }
    }
  }

  /** Makes a paid order's holds final: held becomes sold, and the buyer's count no longer expires. */
  public void commit(Order order, Checkpoints checkpoints) {
    for (OrderItem item : order.items()) {
      for (Allocation part : item.allocations()) {
        inventory.commit(order.eventId(), item.ticketTypeId(), order.orderId(), order.gen(), part);
        checkpoints.reached(Checkpoint.HOLD_COMMITTED);
      }
      if (item.buyerLimited()) {
        buyers.commit(order.eventId(), item.ticketTypeId(), order.buyerId(), order.orderId(), order.gen(),
            item.quantity());
      }
    }
  }

  /**
   * Puts a refunded paid order's tickets back on sale, all but those checked in (a refund made in Stripe's
   * dashboard after a check-in), and uncounts them for the buyer. {@code readAt} is when the caller read the
   * order as REFUNDING. False if the returns fence refused it: the caller must read the order again.
   */
  public boolean giveBack(Order order, Instant readAt) {
    Map<String, Long> checkedIn = order.checkedInByType();
    for (OrderItem item : order.items()) {
      long keep = checkedIn.getOrDefault(item.ticketTypeId(), 0L);
      for (Allocation part : item.allocations()) {
        int back = (int) Math.max(0, part.quantity() - keep);
        keep -= part.quantity() - back;
        if (back > 0 && inventory.giveBack(order.eventId(), item.ticketTypeId(), part.shard(), order.orderId(), back,
            readAt, clock.instant()) == GiveBack.FENCED) {
          return false;
        }
      }
      if (item.buyerLimited()) {
        buyers.release(order.eventId(), item.ticketTypeId(), order.buyerId(), order.orderId(), order.gen(),
            item.quantity());
      }
    }
    return true;
  }

  /** Drops a refunded order's returns markers and raises the fence to {@code fence} (model/PROTOCOL.md). */
  public void prune(Order order, Instant fence) {
    for (OrderItem item : order.items()) {
      for (Allocation part : item.allocations()) {
        inventory.prune(order.eventId(), item.ticketTypeId(), part.shard(), order.orderId(), fence);
      }
    }
  }

  /**
   * Finds every entry the order has, wherever an attempt left it (one Query of the event's stock and one of the
   * buyer's counters), and settles each the order does not own: a paid order's own holds are made final first,
   * everything else is released (when {@code order} is empty, only once expired: the purchase that took it may
   * still write its order). What a live state owns (PENDING_PAYMENT and RETAKING: its generation) is left alone.
   */
  public void reconcile(Optional<Order> order, String eventId, String buyerId, String orderId) {
    Instant now = clock.instant();
    List<HoldEntry> entries = new ArrayList<>(inventory.entries(eventId, orderId));
    entries.addAll(buyers.entries(eventId, buyerId, orderId));
    if (order.isPresent() && order.get().wasPaid() && order.get().status() != OrderStatus.REFUNDED) {
      commit(order.get(), Checkpoints.NONE); // sold, not released: a refund gives sold tickets back
    }
    for (HoldEntry entry : entries) {
      if (order.isEmpty()) {
        releaseExpired(entry, now);
      } else if (!owns(order.get(), entry)) {
        release(entry);
      }
    }
  }

  /** Whether the order, in its state, still needs the entry (to pay, to finish a retake, or counted for good). */
  private static boolean owns(Order order, HoldEntry entry) {
    if (entry.gen() > order.gen()) {
      return true; // a re-take that began after the order was read took it: never ours to release (spin found it)
    }
    if (entry.gen() != order.gen()) {
      return false;
    }
    return switch (order.status()) {
      case PENDING_PAYMENT -> allocated(order, entry);
      case RETAKING -> true;
      case PAID -> entry.kind() == HoldEntry.Kind.BUYER && allocated(order, entry);
      default -> false;
    };
  }

  private static boolean allocated(Order order, HoldEntry entry) {
    return order.items().stream().filter(item -> item.ticketTypeId().equals(entry.ticketTypeId())).anyMatch(item ->
        entry.kind() == HoldEntry.Kind.BUYER
            ? item.buyerLimited() && item.quantity() == entry.quantity()
            : item.allocations().contains(new Allocation(entry.shard(), entry.quantity())));
  }

  private void release(HoldEntry entry) {
    if (entry.kind() == HoldEntry.Kind.STOCK) {
      inventory.release(entry.eventId(), entry.ticketTypeId(), entry.orderId(), entry.gen(),
          new Allocation(entry.shard(), entry.quantity()));
    } else {
      buyers.release(entry.eventId(), entry.ticketTypeId(), entry.buyerId(), entry.orderId(), entry.gen(),
          entry.quantity());
    }
  }

  private void releaseExpired(HoldEntry entry, Instant now) {
    if (entry.kind() == HoldEntry.Kind.STOCK) {
      inventory.releaseExpired(entry, now);
    } else {
      buyers.releaseExpired(entry, now);
    }
  }
}
