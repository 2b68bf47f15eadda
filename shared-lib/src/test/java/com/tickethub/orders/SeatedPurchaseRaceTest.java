package com.tickethub.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.errors.SeatsUnavailable;
import com.tickethub.errors.SoldOut;
import com.tickethub.seats.SeatRow;
import com.tickethub.testing.Backends;
import com.tickethub.testing.MutableClock;
import com.tickethub.testing.PurchaseTestComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/** Many buyers after the same seats at the same instant, through the real purchase and the emulator's conditions. */
@DisabledIfEnvironmentVariable(named = "TICKETHUB_TEST_BACKEND", matches = "moto",
    disabledReason = Backends.MOTO_DOES_NOT_SERIALIZE_WRITES)
class SeatedPurchaseRaceTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2027-01-01T00:00:00Z"));
  private final PurchaseTestComponent app = PurchaseTestComponent.create(clock);

  @Test
  void thirtyTwoBuyersOnTheSameFourSeatsExactlyOneGetsThem() throws Exception {
    SeatedOrders hall = SeatedOrders.smallHall(app);
    Queue<OrderView> orders = new ConcurrentLinkedQueue<>();
    Queue<SeatsUnavailable> refused = new ConcurrentLinkedQueue<>();

    race(32, i -> {
      try {
        orders.add(hall.buy("u-" + i, hall.seats("Stalls", "A-3-5", "A-3-6", "A-3-7", "A-3-8")));
      } catch (SeatsUnavailable e) {
        refused.add(e);
      }
    });

    assertEquals(1, orders.size());
    assertEquals(31, refused.size());
    refused.forEach(e -> assertFalse(e.seats().isEmpty(), "a refusal names the taken seats"));
    assertEquals("FFFFHHHHFFFF", hall.states("A", "3"));
    hall.assertSeatsMatchOrders();
  }

  @Test
  void sixtyFourBuyersOfTwoToSixSeatsTogetherNeverShareASeatUntilSoldOut() throws Exception {
    SeatedOrders hall = new SeatedOrders(app, "seats/race-hall.json");
    List<String> types = List.of("Stalls", "Balcony");
    Set<String> done = ConcurrentHashMap.newKeySet();
    Queue<OrderView> orders = new ConcurrentLinkedQueue<>();
    AtomicInteger soldOuts = new AtomicInteger();

    race(64, i -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      int refusedInARow = 0;
      while (done.size() < types.size()) {
        String type = types.get(random.nextInt(types.size()));
        int quantity = done.contains(type) ? 0 : 2 + random.nextInt(5);
        if (quantity == 0) {
          continue;
        }
        try {
          OrderView order = hall.buy("u-" + i, hall.best(type, quantity, true, 0));
          orders.add(order);
          refusedInARow = 0;
          if (random.nextInt(3) == 0) {
            app.paymentEvents().apply(StripeEventFixture.succeeded(order));
          }
        } catch (SoldOut e) {
          soldOuts.incrementAndGet();
          if (quantity == 2 && ++refusedInARow >= 3) {
            done.add(type);
          }
        }
      }
    });
    // Then one buyer alone takes whatever pairs the race left: after it, no two adjacent seats are free.
    for (String type : types) {
      while (true) {
        try {
          orders.add(hall.buy("u-last", hall.best(type, 2, true, 0)));
        } catch (SoldOut e) {
          break;
        }
      }
    }

    Set<String> seen = new HashSet<>();
    int seatsInOrders = 0;
    for (OrderView order : orders) {
      for (OrderView.Item item : order.items()) {
        assertEquals(item.quantity(), item.seats().size());
        for (String seat : item.seats()) {
          assertTrue(seen.add(seat), seat + " is on two orders");
          seatsInOrders++;
        }
      }
    }
    List<SeatRow> rows = app.seatRows().rows(hall.event.eventId());
    assertEquals(seatsInOrders, rows.stream().mapToInt(r -> r.taken().size()).sum(), "every taken seat is an order's");
    for (SeatRow row : rows) {
      assertFalse(adjacentFree(row), "two adjacent free seats left in " + row.layout().key() + ": " + row.states());
    }
    hall.assertSeatsMatchOrders();
    assertTrue(orders.size() > 20, orders.size() + " orders");
  }

  /** True if two seats with consecutive numbers are both free (a skipped number is a gap). */
  private static boolean adjacentFree(SeatRow row) {
    for (int n = 1; n < row.layout().seats(); n++) {
      if (row.isFree(n) && row.isFree(n + 1)) {
        return true;
      }
    }
    return false;
  }

  private interface Buyer {
    void run(int index) throws Exception;
  }

  /** Runs {@code buyers} at once (released together) and waits for all; any unexpected error fails the test. */
  private static void race(int buyers, Buyer buyer) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(buyers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < buyers; i++) {
        int index = i;
        running.add(pool.submit(() -> {
          start.await();
          buyer.run(index);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : running) {
        f.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
