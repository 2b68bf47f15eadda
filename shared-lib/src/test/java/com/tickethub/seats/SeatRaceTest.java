package com.tickethub.seats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.testing.Backends;
import com.tickethub.testing.TestStack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/** Many orders holding the same seats at the same instant, through the real emulator's conditional writes. */
@DisabledIfEnvironmentVariable(named = "TICKETHUB_TEST_BACKEND", matches = "moto",
    disabledReason = Backends.MOTO_DOES_NOT_SERIALIZE_WRITES)
class SeatRaceTest {
  private static final int THREADS = 32;
  private static final Instant EXPIRY = Instant.parse("2099-01-01T00:10:00Z");

  private final SeatedEvent hall = SeatedEvent.smallHall(TestStack.component());
  private final SeatRepository seats = hall.app.seatRows();
  private final RowKey a3 = hall.row("A", "3");

  @Test
  void thirtyTwoOrdersOnTheSameFourSeatsExactlyOneWins() throws Exception {
    List<SeatHold> holds = race(i -> () -> seats.hold(a3, List.of(5, 6, 7, 8), "order-" + i, 1, EXPIRY));

    List<Integer> winners = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      if (holds.get(i).held()) {
        winners.add(i);
      } else {
        assertTrue(!holds.get(i).unavailable().isEmpty(), "a loser is told which seats are taken");
      }
    }
    assertEquals(1, winners.size(), "winners: " + winners);
    SeatRow row = hall.read("A", "3");
    assertEquals("FFFFHHHHFFFF", row.states());
    row.taken().values().forEach(e -> assertEquals("order-" + winners.get(0), e.orderId()));
    assertEquals(8, row.free());
    assertEquals(1, row.version(), "the losers wrote nothing");
    hall.assertCountsExact();
  }

  @Test
  void overlappingPairsNeverTakeASeatTwiceAndCountsStayExact() throws Exception {
    // Order i wants seats (i mod 11) + 1 and + 2 of row A-3: every pair overlaps two others.
    List<SeatHold> holds = race(i -> () -> seats.hold(a3, List.of(i % 11 + 1, i % 11 + 2), "order-" + i, 1, EXPIRY));

    Map<Integer, String> expected = new HashMap<>();
    for (int i = 0; i < THREADS; i++) {
      if (holds.get(i).held()) {
        for (int seat : List.of(i % 11 + 1, i % 11 + 2)) {
          assertEquals(null, expected.put(seat, "order-" + i), "seat " + seat + " held by two orders");
        }
      }
    }
    SeatRow row = hall.read("A", "3");
    Map<Integer, String> actual = new HashMap<>();
    row.taken().forEach((seat, entry) -> actual.put(seat, entry.orderId()));
    assertEquals(expected, actual, "every winner's seats, and only those, are held by it");
    hall.assertCountsExact();
  }

  /** Runs {@link #THREADS} calls at once (released together by a latch) and returns their results in order. */
  private static <T> List<T> race(IntFunction<Callable<T>> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        Callable<T> task = call.apply(i);
        futures.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
