package com.tickethub.orders;

import com.tickethub.events.TicketType;
import com.tickethub.inventory.Allocation;
import com.tickethub.inventory.BuyerLimitRepository;
import com.tickethub.inventory.HoldEntry;
import com.tickethub.inventory.InventoryRepository;
import com.tickethub.inventory.InventoryRepository.GiveBack;
import com.tickethub.seats.SeatEntry;
import com.tickethub.seats.SeatId;
import com.tickethub.seats.SeatRequest;
import com.tickethub.seats.SeatState;
import com.tickethub.seats.SeatStock;
import com.tickethub.seats.SeatStock.OrderSeat;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * What an order holds in the stock and the buyer counters, taken, given back or made final, for one generation
 * of the order (model/PROTOCOL.md, "Entry operations"). Every step is conditional on the order's own entry and
 * generation, so each method can run any number of times, from any actor, and each ticket moves once. A seated
 * type's stock is its seat rows ({@link SeatStock}): the item records its seats instead of shard allocations.
 */
@Singleton
public class OrderStock {
  private final InventoryRepository inventory;
  private final BuyerLimitRepository buyers;
  private final SeatStock seats;
  private final Clock clock;

  @Inject
  public OrderStock(InventoryRepository inventory, BuyerLimitRepository buyers, SeatStock seats, Clock clock) {
    this.inventory = inventory;
    this.buyers = buyers;
    this.seats = seats;
    this.clock = clock;
  }

  /** A line to take: a ticket type and how many, and for a seated type which seats (chosen or best available). */
  public record Line(TicketType type, int quantity, SeatRequest seats) {
    public Line(TicketType type, int quantity) {
      this(type, quantity, null);
    }

    /** The line that takes an item's tickets again: a seated item's own seats. */
    public static Line of(TicketType type, OrderItem item) {
      return new Line(type, item.quantity(), item.seated() ? SeatRequest.chosen(item.seatIds()) : null);
    }
  }

  /** What {@link #take} came to: every line held, or the first line refused (and nothing held). */
  public sealed interface Taken {
    record All(List<OrderItem> items) implements Taken {}

    record SoldOut() implements Taken {}

    record OverBuyerLimit(TicketType type) implements Taken {}

    /** Chosen seats that are not free. */
    record SeatsUnavailable(List<SeatId> seats) implements Taken {}
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
        if (type.seated()) {
          SeatRequest request = line.seats() != null ? line.seats() : new SeatRequest(List.of(), true, 0, false);
          SeatStock.Taken seated = seats.take(eventId, type, orderId, gen, line.quantity(), request, expiresAt);
          if (seated instanceof SeatStock.Taken.Held held) {
            taken.set(taken.size() - 1, item.withSeats(held.seats()));
            continue;
          }
          release(eventId, buyerId, orderId, gen, taken);
          return seated instanceof SeatStock.Taken.Unavailable unavailable
              ? new Taken.SeatsUnavailable(unavailable.seats()) : new Taken.SoldOut();
        }
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
      seats.release(eventId, orderId, gen, item.seatIds());
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
      if (item.seated()) {
        seats.commit(order.eventId(), order.orderId(), order.gen(), item.seatIds());
        checkpoints.reached(Checkpoint.HOLD_COMMITTED);
      }
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
    Set<String> usedSeats = new HashSet<>();
    order.tickets().stream().filter(t -> t.seat() != null && t.checkedInAt() != null)
        .forEach(t -> usedSeats.add(t.seat().id()));
    for (OrderItem item : order.items()) {
      // A sold seat's entry names its order and generation: returning it is once-only without the returns fence.
      seats.giveBack(order.eventId(), order.orderId(), order.gen(),
          item.seatIds().stream().filter(seat -> !usedSeats.contains(seat.toString())).toList());
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
    reconcileSeats(order, eventId, orderId, now);
    for (HoldEntry entry : entries) {
      if (order.isEmpty()) {
        releaseExpired(entry, now);
      } else if (!owns(order.get(), entry)) {
        release(entry);
      }
    }
  }

  /**
   * The seat side of {@link #reconcile}: the order's seat entries in the rows of its items (or, for an order that was
   * never written, in every row of the event, if it has a seat map), and each hold it does not own released. Sold
   * seats are left to the refund's give-back.
   */
  private void reconcileSeats(Optional<Order> order, String eventId, String orderId, Instant now) {
    List<SeatId> recorded = order.map(o -> o.items().stream().flatMap(i -> i.seatIds().stream()).toList())
        .orElse(List.of());
    if (order.isPresent() && recorded.isEmpty()) {
      return; // a written order's seats are its items' own: a standing-only order has none
    }
    Map<Integer, List<SeatId>> toRelease = new TreeMap<>(); // by generation: one write per row and generation
    for (OrderSeat held : seats.entries(eventId, orderId, recorded)) {
      SeatEntry entry = held.entry();
      int gen = entry.generation().intValue();
      if (entry.state() == SeatState.HELD && (order.isEmpty() || !ownsSeat(order.get(), held.seat(), gen))) {
        toRelease.computeIfAbsent(gen, g -> new ArrayList<>()).add(held.seat());
      }
    }
    toRelease.forEach((gen, held) -> {
      if (order.isEmpty()) {
        seats.releaseExpired(eventId, orderId, gen, held, now); // its purchase may still be writing its order
      } else {
        seats.release(eventId, orderId, gen, held);
      }
    });
  }

  /** Whether the order, in its state, still needs its hold of a seat (to pay, or to finish a retake). */
  private static boolean ownsSeat(Order order, SeatId seat, int gen) {
    if (takenAfterRead(order, gen)) {
      return true;
    }
    if (gen != order.gen()) {
      return false;
    }
    return switch (order.status()) {
      case PENDING_PAYMENT, RETAKING -> order.items().stream().anyMatch(i -> i.seats().contains(seat.toString()));
      default -> false;
    };
  }

  /** Whether the order, in its state, still needs the entry (to pay, to finish a retake, or counted for good). */
  private static boolean owns(Order order, HoldEntry entry) {
    if (takenAfterRead(order, entry.gen())) {
      return true;
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

  /**
   * An entry of a newer generation than the order as read was taken by a re-take that began after the read: never
   * the reader's to release (spin found the oversell: model/lifecycle.pml, -DRELEASE_NEWER_GEN).
   */
  private static boolean takenAfterRead(Order order, int gen) {
    return gen > order.gen();
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
