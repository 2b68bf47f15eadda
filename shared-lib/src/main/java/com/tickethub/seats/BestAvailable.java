package com.tickethub.seats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Best available seats, as a pure function of the rows' layouts and states (no DynamoDB): the seats nearest the
 * focus (the stage), by the sum of their distances to it.
 *
 * <p>Together: a block of {@code quantity} adjacent free seats in one row (adjacent: consecutive numbers that
 * both exist; a skipped number is a gap). Following seats.io's rule, a block that would leave a single free
 * seat alone (between the block and a taken seat, a gap or the row's end) loses to any block that leaves none,
 * however near; only when every fitting block strands a seat is the nearest of those taken. One pass over every
 * candidate row gives the fall back row by row and section by section: a full front row yields the next nearest
 * row, a full section the next section.
 *
 * <p>Not together: the nearest free seats one by one, skipping a seat that would strand a neighbour while
 * another seat does not. {@code accessible} asks for that many accessible seats among the chosen ones.
 */
public final class BestAvailable {
  /** Distances closer than this are equal (the first found wins). */
  private static final double EPSILON = 1e-6;

  private BestAvailable() {}

  /**
   * What was chosen: the seats in row and number order, whether the choice strands a single seat (only when no
   * choice avoids it), the sum of the seats' distances to the focus and the farthest seat's distance.
   */
  public record Choice(List<SeatId> seats, boolean strands, double distance, double farthest) {}

  /**
   * @param rows the candidate rows (those of the ticket type's category), in the map's order
   * @return the chosen seats in row and number order; empty when no choice fits
   */
  public static Optional<List<SeatId>> pick(List<SeatRow> rows, Point focus, int quantity, boolean together,
      int accessible) {
    return choose(rows, focus, quantity, together, accessible).map(Choice::seats);
  }

  /** {@link #pick}, with what a caller that looks at more rows needs to know whether a farther row could do better. */
  public static Optional<Choice> choose(List<SeatRow> rows, Point focus, int quantity, boolean together,
      int accessible) {
    return spread(rows, focus, quantity, together, accessible, 1, null);
  }

  /**
   * {@link #choose}, but a block of seats together is drawn at random among the {@code among} best blocks that strand
   * no seat (or, if all do, the best that do): buyers who lost the best block to each other try again on different
   * blocks instead of all on the next one. {@code among} 1 is {@link #choose}.
   */
  public static Optional<Choice> spread(List<SeatRow> rows, Point focus, int quantity, boolean together,
      int accessible, int among, RandomGenerator random) {
    if (quantity < 1 || accessible < 0 || accessible > quantity) {
      throw new IllegalArgumentException("quantity " + quantity + " with " + accessible + " accessible");
    }
    Optional<Choice> choice = together
        ? block(rows, focus, quantity, accessible, among, random)
        : nearest(rows, focus, quantity, accessible);
    return choice.map(c -> new Choice(c.seats().stream().sorted().toList(), c.strands(), c.distance(), c.farthest()));
  }

  /**
   * The best block of adjacent free seats in one row, by (strands a seat, sum of distances), first found on ties;
   * or, with {@code among > 1}, one at random of the {@code among} best of the best kind (see {@link #spread}).
   */
  private static Optional<Choice> block(List<SeatRow> rows, Point focus, int quantity, int accessible, int among,
      RandomGenerator random) {
    List<Choice> blocks = new ArrayList<>();
    for (SeatRow row : rows) {
      for (List<Integer> run : freeRuns(row)) {
        int length = run.size();
        if (length < quantity) {
          continue;
        }
        double[] distance = new double[length + 1];
        int[] accessibleSeats = new int[length + 1];
        for (int i = 0; i < length; i++) {
          distance[i + 1] = distance[i] + row.layout().distance(run.get(i), focus);
          accessibleSeats[i + 1] = accessibleSeats[i] + (row.layout().accessible(run.get(i)) ? 1 : 0);
        }
        for (int start = 0; start + quantity <= length; start++) {
          int end = start + quantity;
          if (accessibleSeats[end] - accessibleSeats[start] < accessible) {
            continue;
          }
          double farthest = 0;
          for (int i = start; i < end; i++) {
            farthest = Math.max(farthest, distance[i + 1] - distance[i]);
          }
          blocks.add(new Choice(run.subList(start, end).stream().map(row.layout()::seat).toList(),
              start == 1 || length - end == 1, distance[end] - distance[start], farthest));
        }
      }
    }
    if (blocks.isEmpty()) {
      return Optional.empty();
    }
    // Stable: among equals, the first found (row order, then number) stays first.
    blocks.sort(Comparator.comparing(Choice::strands).thenComparingLong(b -> Math.round(b.distance() / EPSILON)));
    int sameKind = (int) blocks.stream().filter(b -> b.strands() == blocks.get(0).strands()).count();
    return Optional.of(blocks.get(among <= 1 ? 0 : random.nextInt(Math.min(among, sameKind))));
  }

  /** The maximal runs of free seats of a row whose consecutive seats are adjacent (numbers n and n + 1). */
  private static List<List<Integer>> freeRuns(SeatRow row) {
    List<List<Integer>> runs = new ArrayList<>();
    List<Integer> run = new ArrayList<>();
    for (int n = 1; n <= row.layout().seats(); n++) {
      if (row.isFree(n)) {
        run.add(n);
      } else if (!run.isEmpty()) {
        runs.add(run);
        run = new ArrayList<>();
      }
    }
    if (!run.isEmpty()) {
      runs.add(run);
    }
    return runs;
  }

  /** A free seat with its row and distance, for the seat-by-seat choice. */
  private record Candidate(SeatRow row, int number, double distance, int order) {
    SeatId id() {
      return row.layout().seat(number);
    }
  }

  private static Optional<Choice> nearest(List<SeatRow> rows, Point focus, int quantity, int accessible) {
    List<Candidate> candidates = new ArrayList<>();
    for (SeatRow row : rows) {
      for (int n = 1; n <= row.layout().seats(); n++) {
        if (row.isFree(n)) {
          candidates.add(new Candidate(row, n, row.layout().distance(n, focus), candidates.size()));
        }
      }
    }
    candidates.sort(Comparator.comparingDouble(Candidate::distance).thenComparingInt(Candidate::order));
    Map<SeatId, Candidate> chosen = new LinkedHashMap<>();
    List<Candidate> accessibleOnes = candidates.stream().filter(c -> c.row().layout().accessible(c.number())).toList();
    boolean strandsAny = false;
    for (var group : List.of(Map.entry(accessibleOnes, accessible), Map.entry(candidates, quantity))) {
      Optional<Boolean> stranded = add(group.getKey(), group.getValue(), chosen);
      if (stranded.isEmpty()) {
        return Optional.empty();
      }
      strandsAny |= stranded.get();
    }
    double sum = chosen.values().stream().mapToDouble(Candidate::distance).sum();
    double farthest = chosen.values().stream().mapToDouble(Candidate::distance).max().orElse(0);
    return Optional.of(new Choice(List.copyOf(chosen.keySet()), strandsAny, sum, farthest));
  }

  /**
   * Adds candidates to {@code chosen} until it has {@code size}: first those that strand no seat, then any.
   * Empty if there are not enough; else whether a seat that strands another had to be taken.
   */
  private static Optional<Boolean> add(List<Candidate> candidates, int size, Map<SeatId, Candidate> chosen) {
    boolean stranding = false;
    for (boolean avoidStranding : new boolean[] {true, false}) {
      for (Candidate c : candidates) {
        if (chosen.size() >= size) {
          return Optional.of(stranding);
        }
        if (!chosen.containsKey(c.id()) && !(avoidStranding && strands(c, chosen.keySet()))) {
          chosen.put(c.id(), c);
          stranding |= !avoidStranding;
        }
      }
    }
    return chosen.size() >= size ? Optional.of(stranding) : Optional.empty();
  }

  /** True if taking the candidate leaves a free neighbour of it with no free seat on its other side. */
  private static boolean strands(Candidate c, Set<SeatId> chosen) {
    return alone(c.row(), c.number() - 1, -1, chosen) || alone(c.row(), c.number() + 1, +1, chosen);
  }

  private static boolean alone(SeatRow row, int neighbour, int away, Set<SeatId> chosen) {
    return free(row, neighbour, chosen) && !free(row, neighbour + away, chosen);
  }

  private static boolean free(SeatRow row, int number, Set<SeatId> chosen) {
    return row.isFree(number) && !chosen.contains(row.layout().seat(number));
  }
}
