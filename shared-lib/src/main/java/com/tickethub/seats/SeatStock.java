package com.tickethub.seats;

import com.tickethub.events.TicketType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The seats an order takes, gives back or makes final, for one generation of the order (model/PROTOCOL.md):
 * the seat rows' side of {@code orders.OrderStock}. Rows are always written in row-key order, so two orders never
 * wait on each other in opposite orders; an order spanning rows takes them all or gives back what it took.
 */
@Singleton
public class SeatStock {
  /** Picks of best available that lost their seats to another buyer before the pick is re-read and re-made. */
  static final int PICK_ATTEMPTS = 8;
  /**
   * After a lost race, the next pick is drawn among this many best blocks per attempt so far: buyers who all
   * wanted the same best block spread over the next ones instead of colliding again.
   */
  static final int SPREAD = 8;
  /**
   * How long a container ranks rows by the {@code free} counts it read: a hint only (the rows themselves are read
   * before a pick, and the write's condition decides), so a second's staleness costs nothing but the Query it saves.
   */
  static final Duration FREE_COUNTS_KEPT = Duration.ofSeconds(1);
  /** Rows read per BatchGetItem while looking for the best seats, nearest rows first. */
  static final int ROWS_PER_READ = 10;
  /** Rows looked at before a pick that strands a single seat is accepted (a farther one might not). */
  static final int MAX_ROWS_READ = 60;

  private final SeatRepository rows;
  private final SeatLayouts layouts;
  private final Clock clock;
  private final Map<String, FreeCounts> freeCounts = new ConcurrentHashMap<>();

  @Inject
  public SeatStock(SeatRepository rows, SeatLayouts layouts, Clock clock) {
    this.rows = rows;
    this.layouts = layouts;
    this.clock = clock;
  }

  /** The rows' free counts of an event as last read. */
  private record FreeCounts(Instant readAt, Map<String, Long> byRow) {}

  /** What {@link #take} came to; when not held, this call left nothing held. */
  public sealed interface Taken {
    record Held(List<SeatId> seats) implements Taken {}

    /** Chosen seats that are not free. */
    record Unavailable(List<SeatId> seats) implements Taken {}

    /** Best available found no fitting seats (or kept losing them to other buyers). */
    record SoldOut() implements Taken {}
  }

  /**
   * Holds the seats of one purchase line for the order's generation {@code gen} until {@code expiresAt}: the chosen
   * ones (they must exist and be of the type: the caller checked them against the plan) or the best available.
   */
  public Taken take(String eventId, TicketType type, String orderId, int gen, int quantity, SeatRequest request,
      Instant expiresAt) {
    if (!request.bestAvailable()) {
      return holdAll(eventId, request.chosen(), orderId, gen, expiresAt, request.resumed(), true);
    }
    SeatPlan plan = layouts.of(eventId);
    if (request.resumed()) {
      Optional<List<SeatId>> mine = ownHolds(eventId, type, orderId, gen, quantity);
      if (mine.isPresent()) {
        return new Taken.Held(mine.get());
      }
    }
    for (int attempt = 0; attempt < PICK_ATTEMPTS; attempt++) {
      Optional<List<SeatId>> pick = pick(eventId, plan, type, quantity, request, attempt, false);
      if (pick.isEmpty()) {
        pick = pick(eventId, plan, type, quantity, request, attempt, true); // the counts read may have been stale
      }
      if (pick.isEmpty()) {
        return new Taken.SoldOut();
      }
      Taken taken = holdAll(eventId, pick.get(), orderId, gen, expiresAt, request.resumed(), false);
      if (taken instanceof Taken.Held held) {
        return held;
      }
    }
    return new Taken.SoldOut();
  }

  /** Frees the seats that the order's generation still holds (a second call frees nothing). */
  public void release(String eventId, String orderId, int gen, Collection<SeatId> seats) {
    forEachRow(eventId, seats, (row, numbers) -> rows.release(row, numbers, orderId, gen));
  }

  /**
   * Sells the seats the order's generation holds, row by row.
   *
   * @return the seats that are neither held nor sold by the order's generation (empty: all are sold to it)
   */
  public List<SeatId> commit(String eventId, String orderId, int gen, Collection<SeatId> seats) {
    List<SeatId> missing = new ArrayList<>();
    forEachRow(eventId, seats, (row, numbers) -> {
      rows.commit(row, numbers, orderId, gen).forEach(n -> missing.add(new SeatId(row.section(), row.row(), n)));
      return List.of();
    });
    return missing;
  }

  /** Puts back on sale the seats the order's generation bought (a refund); at most once per seat. */
  public void giveBack(String eventId, String orderId, int gen, Collection<SeatId> seats) {
    forEachRow(eventId, seats, (row, numbers) -> rows.returnSold(row, numbers, orderId, gen));
  }

  /** Frees the order's holds of generation {@code gen} on {@code seats} that had expired by {@code now}. */
  public void releaseExpired(String eventId, String orderId, int gen, Collection<SeatId> seats, Instant now) {
    forEachRow(eventId, seats, (row, numbers) -> rows.releaseExpired(row, numbers, orderId, gen, now));
  }

  /** One seat entry of an order, as found in its row. */
  public record OrderSeat(SeatId seat, SeatEntry entry) {}

  /**
   * The entries the order has in the rows of {@code seats} (one BatchGetItem), or, when {@code seats} is empty, in
   * every row of the event (one Query: for an order that was never written, whose seats nobody recorded).
   */
  public List<OrderSeat> entries(String eventId, String orderId, Collection<SeatId> seats) {
    Collection<SeatRow> read = seats.isEmpty() ? rows.rows(eventId)
        : rows.rows(eventId, seats.stream().map(SeatId::rowKey).toList()).values();
    List<OrderSeat> found = new ArrayList<>();
    for (SeatRow row : read) {
      row.taken().forEach((number, entry) -> {
        if (orderId.equals(entry.orderId())) {
          found.add(new OrderSeat(row.layout().seat(number), entry));
        }
      });
    }
    found.sort(Comparator.comparing(OrderSeat::seat));
    return found;
  }

  /**
   * Holds every seat, rows in key order, or nothing: on the first row that refuses, gives back the rows this call
   * held and, if {@code nameThem} (chosen seats), names every asked seat that is not free (the asked rows are read
   * once more for that); a best-available pick that lost a seat just picks again. Unless {@code mayHoldAlready}
   * (a retried or late order, which may re-find or adopt its own holds), a refused write is not read back.
   */
  private Taken holdAll(String eventId, List<SeatId> seats, String orderId, int gen, Instant expiresAt,
      boolean mayHoldAlready, boolean nameThem) {
    for (int attempt = 0; attempt < PICK_ATTEMPTS; attempt++) {
      List<SeatId> held = new ArrayList<>();
      boolean refused = false;
      try {
        for (List<SeatId> rowSeats : byRow(seats).values()) {
          RowKey row = RowKey.of(eventId, rowSeats.get(0));
          boolean taken = mayHoldAlready ? rows.hold(row, numbers(rowSeats), orderId, gen, expiresAt).held()
              : rows.holdIfFree(row, numbers(rowSeats), orderId, gen, expiresAt);
          if (!taken) {
            if (!mayHoldAlready) {
              // A refusal may be an SDK retry of this very write after a lost answer: give back what it took.
              rows.releaseIfAllHeld(row, numbers(rowSeats), orderId, gen);
            }
            refused = true;
            break;
          }
          held.addAll(rowSeats);
        }
      } catch (RuntimeException e) {
        release(eventId, orderId, gen, held);
        throw e;
      }
      if (!refused) {
        return new Taken.Held(seats.stream().sorted().toList());
      }
      release(eventId, orderId, gen, held);
      if (!nameThem) {
        return new Taken.Unavailable(List.of());
      }
      List<SeatId> unavailable = unavailable(eventId, seats, orderId, gen);
      if (!unavailable.isEmpty()) {
        return new Taken.Unavailable(unavailable);
      }
      // The seat that refused was freed again before the read: try once more.
    }
    throw new IllegalStateException("Seats " + seats + " kept changing while held for order " + orderId);
  }

  /** The asked seats that are taken by anyone but the order's generation (or an older one, which it would adopt). */
  private List<SeatId> unavailable(String eventId, List<SeatId> seats, String orderId, int gen) {
    Map<String, SeatRow> read = rows.rows(eventId, seats.stream().map(SeatId::rowKey).toList());
    return seats.stream().filter(seat -> {
      SeatEntry entry = read.get(seat.rowKey()).taken().get(seat.number());
      return entry != null && !(entry.state() == SeatState.HELD && orderId.equals(entry.orderId())
          && entry.generation() != null && entry.generation() <= gen);
    }).sorted().toList();
  }

  /**
   * Best available among the type's rows: their {@code free} counts (one small Query) rank the rows that could
   * fit by how near their nearest seats are; rows are then read ten at a time, nearest first, until no unread row
   * could hold a better choice (or {@link #MAX_ROWS_READ} were read while the best choice strands a seat).
   */
  private Optional<List<SeatId>> pick(String eventId, SeatPlan plan, TicketType type, int quantity,
      SeatRequest request, int attempt, boolean fresh) {
    Map<String, Long> free = freeByRow(eventId, fresh);
    int need = request.together() ? quantity : 1;
    List<RowLayout> candidates = plan.rowsOf(type.ticketTypeId()).stream()
        .filter(r -> free.getOrDefault(r.key(), 0L) >= need)
        .sorted(Comparator.comparingDouble(r -> nearest(r, plan.focus())))
        .toList();
    if (candidates.stream().mapToLong(r -> free.get(r.key())).sum() < quantity) {
      return Optional.empty();
    }
    List<SeatRow> read = new ArrayList<>();
    Optional<BestAvailable.Choice> choice = Optional.empty();
    for (int from = 0; from < candidates.size(); from += ROWS_PER_READ) {
      List<RowLayout> batch = candidates.subList(from, Math.min(from + ROWS_PER_READ, candidates.size()));
      read.addAll(rows.rows(eventId, batch.stream().map(RowLayout::key).toList()).values());
      read.sort(Comparator.comparingInt(r -> r.layout().position()));
      choice = BestAvailable.spread(read, plan.focus(), quantity, request.together(), request.accessible(),
          attempt == 0 ? 1 : SPREAD * attempt, ThreadLocalRandom.current());
      int next = from + ROWS_PER_READ;
      if (next >= candidates.size() || (choice.isPresent() && done(choice.get(), candidates.get(next), plan.focus(),
          quantity, request.together(), next))) {
        break;
      }
    }
    return choice.map(BestAvailable.Choice::seats);
  }

  private Map<String, Long> freeByRow(String eventId, boolean fresh) {
    Instant now = clock.instant();
    FreeCounts kept = freeCounts.get(eventId);
    if (!fresh && kept != null && kept.readAt().plus(FREE_COUNTS_KEPT).isAfter(now)) {
      return kept.byRow();
    }
    Map<String, Long> read = rows.freeByRow(eventId);
    freeCounts.values().removeIf(c -> c.readAt().plus(FREE_COUNTS_KEPT).isBefore(now)); // the stale go
    freeCounts.put(eventId, new FreeCounts(now, read));
    return read;
  }

  /** True if no row from {@code next} on could give a better choice, or enough rows were read. */
  private static boolean done(BestAvailable.Choice choice, RowLayout next, Point focus, int quantity, boolean together,
      int rowsRead) {
    if (choice.strands()) {
      return rowsRead >= MAX_ROWS_READ;
    }
    double bound = nearest(next, focus);
    return together ? choice.distance() <= quantity * bound : choice.farthest() <= bound;
  }

  /** How near the row's nearest seat is to the focus: no choice in the row can do better per seat. */
  private static double nearest(RowLayout row, Point focus) {
    double best = Double.MAX_VALUE;
    for (int n : row.numbers()) {
      best = Math.min(best, row.distance(n, focus));
    }
    return best;
  }

  /**
   * The seats of the type that the order's generation already holds (an attempt that died took them). Exactly the
   * quantity: they are the pick. Any other number: they are given back, and the pick is made afresh.
   */
  private Optional<List<SeatId>> ownHolds(String eventId, TicketType type, String orderId, int gen, int quantity) {
    List<SeatId> mine = entries(eventId, orderId, List.of()).stream()
        .filter(s -> s.entry().of(SeatState.HELD, orderId, gen))
        .filter(s -> layouts.of(eventId).sells(s.seat(), type.ticketTypeId()))
        .map(OrderSeat::seat).toList();
    if (mine.size() == quantity) {
      return Optional.of(mine);
    }
    release(eventId, orderId, gen, mine);
    return Optional.empty();
  }

  private void forEachRow(String eventId, Collection<SeatId> seats,
      BiFunction<RowKey, List<Integer>, List<Integer>> write) {
    for (List<SeatId> rowSeats : byRow(seats).values()) {
      write.apply(RowKey.of(eventId, rowSeats.get(0)), numbers(rowSeats));
    }
  }

  private static Map<String, List<SeatId>> byRow(Collection<SeatId> seats) {
    Map<String, List<SeatId>> byRow = new TreeMap<>();
    seats.stream().sorted().forEach(seat -> byRow.computeIfAbsent(seat.rowKey(), k -> new ArrayList<>()).add(seat));
    return byRow;
  }

  private static List<Integer> numbers(List<SeatId> seats) {
    return seats.stream().map(SeatId::number).toList();
  }
}
