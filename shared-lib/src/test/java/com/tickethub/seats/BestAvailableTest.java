package com.tickethub.seats;

import static com.tickethub.testing.Requests.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tickethub.http.Json;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Best available on the hall of {@code seats/best-available-hall.json}: focus at (0, 0); section C (rows of 8,
 * seat 4 and 5 either side of the centre line) in front, L on the left and R (a little farther) on the right.
 * Rows are given as state strings, one character per existing seat (F free, H held, S sold, B blocked).
 */
class BestAvailableTest {
  private static final NewSeating HALL = Json.read(resource("seats/best-available-hall.json"), NewSeating.class);
  private static final String FULL_C = "SSSSSSSS";

  @Test
  void emptyHallGivesTheCentreOfTheFrontRow() {
    assertEquals(seats("C-1-4", "C-1-5"), pick(Map.of(), 2, true, 0));
  }

  @Test
  void blockThatWouldStrandASingleSeatLosesToAFartherRowThatStrandsNone() {
    // Row C-1 has 2, 3, 4 free: 2+3 strands 4, 3+4 strands 2; row C-2 has room for 2 leaving none alone.
    assertEquals(seats("C-2-4", "C-2-5"), pick(Map.of("C-1", "SFFFSSSS"), 2, true, 0));
  }

  @Test
  void whenEveryBlockStrandsASeatTheNearestIsTaken() {
    Map<String, String> states = soldOutBut("C-1", "SFFFSSSS");

    assertEquals(seats("C-1-3", "C-1-4"), pick(states, 2, true, 0));
  }

  @Test
  void rowEndCountsAsTakenForStranding() {
    // In the empty front row any 7 seats leave one alone at an end; row C-2 has exactly 7 free after a sold seat.
    assertEquals(seats("C-2-2", "C-2-3", "C-2-4", "C-2-5", "C-2-6", "C-2-7", "C-2-8"),
        pick(Map.of("C-2", "SFFFFFFF"), 7, true, 0));
  }

  @Test
  void blockThatFillsARunExactlyStrandsNothing() {
    Map<String, String> states = soldOutBut("C-1", "SSFFSSSS");

    assertEquals(seats("C-1-3", "C-1-4"), pick(states, 2, true, 0));
  }

  @Test
  void fullSectionFallsBackToTheNearestSeatsOfTheNextSection() {
    Map<String, String> states = new HashMap<>(Map.of("C-1", FULL_C, "C-2", FULL_C, "C-3", FULL_C));

    assertEquals(seats("L-1-5", "L-1-6"), pick(states, 2, true, 0));
  }

  @Test
  void fullRowFallsBackToTheNextRow() {
    assertEquals(seats("C-2-4", "C-2-5"), pick(Map.of("C-1", FULL_C), 2, true, 0));
  }

  @Test
  void accessibleSeatsAreAmongThePick() {
    // The accessible seats are C-3-1 and C-3-8, the same distance from the focus: the first listed wins.
    assertEquals(seats("C-3-1", "C-3-2"), pick(Map.of(), 2, true, 1));
  }

  @Test
  void twoAccessibleSeatsTogetherDoNotFitWhenNoRowHasTwoAdjacent() {
    assertEquals(Optional.empty(), BestAvailable.pick(rows(Map.of()), HALL.focus(), 2, true, 2));
  }

  @Test
  void skippedNumberIsAGapSoTheSeatsAroundItAreNotAdjacent() {
    Map<String, String> states = soldOutBut("L-2", "SFFSS"); // L-2 has seats 1 2 4 5 6; 2 and 4 are free

    assertEquals(Optional.empty(), BestAvailable.pick(rows(states), HALL.focus(), 2, true, 0));
    assertEquals(seats("L-2-2", "L-2-4"), pick(states, 2, false, 0));
  }

  @Test
  void heldAndBlockedSeatsAreNotFree() {
    Map<String, String> states = soldOutBut("C-1", "HHHFFBBB");

    assertEquals(seats("C-1-4", "C-1-5"), pick(states, 2, true, 0));
    assertEquals(Optional.empty(), BestAvailable.pick(rows(states), HALL.focus(), 3, true, 0));
  }

  @Test
  void nothingFitsWhenNoRowHasEnoughAdjacentFreeSeats() {
    Map<String, String> states = soldOutBut("C-1", "FFFSFFFS");

    assertEquals(Optional.empty(), BestAvailable.pick(rows(states), HALL.focus(), 4, true, 0));
  }

  @Test
  void notTogetherTakesTheNearestSeatsAnywhere() {
    Map<String, String> states = soldOutBut("C-1", "FSSSSSSF");
    states.put("C-2", "SSSSFSSS");

    assertEquals(seats("C-1-1", "C-1-8", "C-2-5"), pick(states, 3, false, 0));
  }

  @Test
  void notTogetherSkipsASeatThatWouldStrandItsNeighbourWhileAnotherDoesNot() {
    // Taking C-1-4 (nearest) would leave C-1-3 alone between it and sold C-1-2.
    Map<String, String> states = soldOutBut("C-1", "SSFFSSSS");
    states.put("C-2", "SSSFFFSS");

    assertEquals(seats("C-2-4"), pick(states, 1, false, 0));
  }

  @Test
  void notTogetherWithAccessibleTakesTheNearestAccessibleSeatFirst() {
    assertEquals(seats("C-1-4", "C-3-1"), pick(Map.of(), 2, false, 1));
  }

  @Test
  void moreSeatsThanAreFreeIsEmpty() {
    Map<String, String> states = soldOutBut("C-1", "SSSFFSSS");

    assertEquals(Optional.empty(), BestAvailable.pick(rows(states), HALL.focus(), 3, false, 0));
  }

  @Test
  void spreadDrawsAmongTheBestBlocksThatStrandNoSeat() {
    Set<List<SeatId>> drawn = new HashSet<>();
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      drawn.add(BestAvailable.spread(rows(Map.of()), HALL.focus(), 2, true, 0, 3, random).orElseThrow().seats());
    }

    // The three nearest pairs of the empty front row: 4+5, then 3+4 and 5+6 (equally near).
    assertEquals(Set.of(seats("C-1-4", "C-1-5"), seats("C-1-3", "C-1-4"), seats("C-1-5", "C-1-6")), drawn);
  }

  @Test
  void spreadNeverTradesAFreeNeighbourForAStrandedOne() {
    Map<String, String> states = soldOutBut("C-1", "SFFFSSSS");
    states.put("C-2", "SSFFFFSS");
    Random random = new Random(7);

    for (int i = 0; i < 50; i++) {
      List<SeatId> pick = BestAvailable.spread(rows(states), HALL.focus(), 2, true, 0, 10, random).orElseThrow()
          .seats();
      assertEquals(true, pick.equals(seats("C-2-3", "C-2-4")) || pick.equals(seats("C-2-5", "C-2-6")), pick.toString());
    }
  }

  @Test
  void moreAccessibleSeatsThanSeatsIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> BestAvailable.pick(rows(Map.of()), HALL.focus(), 1, true, 2));
  }

  private static List<SeatId> pick(Map<String, String> states, int quantity, boolean together, int accessible) {
    return BestAvailable.pick(rows(states), HALL.focus(), quantity, together, accessible).orElseThrow();
  }

  private static List<SeatId> seats(String... ids) {
    return java.util.Arrays.stream(ids).map(id -> SeatId.parse("seat", id)).sorted().toList();
  }

  /** Every row sold except {@code row}, which has {@code states}. */
  private static Map<String, String> soldOutBut(String row, String states) {
    Map<String, String> all = new HashMap<>();
    for (RowLayout layout : HALL.layouts(Map.of("Stalls", "stalls"))) {
      all.put(layout.section() + "-" + layout.row(), "S".repeat(layout.size()));
    }
    all.put(row, states);
    return all;
  }

  /** The hall's rows with the given states (by "section-row"; rows not named are all free). */
  static List<SeatRow> rows(Map<String, String> states) {
    return HALL.layouts(Map.of("Stalls", "stalls")).stream().map(layout -> {
      String state = states.getOrDefault(layout.section() + "-" + layout.row(), "F".repeat(layout.size()));
      assertEquals(layout.size(), state.length(), "one state per seat of " + layout.key());
      Map<Integer, SeatEntry> taken = new HashMap<>();
      List<Integer> numbers = layout.numbers();
      for (int i = 0; i < numbers.size(); i++) {
        char c = state.charAt(i);
        if (c != 'F') {
          taken.put(numbers.get(i), new SeatEntry(SeatState.ofCode(String.valueOf(c)), "o", 1L, null));
        }
      }
      return new SeatRow(layout, taken, layout.size() - taken.size(), 0);
    }).toList();
  }
}
