package com.tickethub.orders;

import static com.tickethub.orders.PurchaseFixture.claim;
import static com.tickethub.testing.Requests.buyer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.errors.LimitExceeded;
import com.tickethub.errors.SoldOut;
import com.tickethub.events.EventView;
import com.tickethub.events.TicketTypeView;
import com.tickethub.inventory.TypeCounts;
import com.tickethub.testing.Backends;
import com.tickethub.testing.MutableClock;
import com.tickethub.testing.PurchaseTestComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

@DisabledIfEnvironmentVariable(named = "TICKETHUB_TEST_BACKEND", matches = "moto",
    disabledReason = Backends.MOTO_DOES_NOT_SERIALIZE_WRITES)
class PurchaseRaceTest {
  private static final int THREADS = 64;
  private static final int ATTEMPTS = 2_000;
  private static final int BUYERS = 150;

  private final MutableClock clock = new MutableClock(Instant.parse("2027-01-01T00:00:00Z"));
  private final PurchaseTestComponent app = PurchaseTestComponent.create(clock);
  private final PurchaseFixture fixture = new PurchaseFixture(app);

  /** One attempt: who bought what, and how it ended. */
  private record Attempt(String buyerId, PurchaseRequest request, OrderView order, RuntimeException error) {}

  @Test
  void purchaseNeverTakesMoreThanCapacityUnderRace() throws Exception {
    EventView event = fixture.event("race-event.json");
    List<TicketTypeView> types = event.ticketTypes();
    Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> futures = new ArrayList<>();
    for (int n = 0; n < ATTEMPTS; n++) {
      Random random = new Random(n);
      String buyerId = "racer-" + random.nextInt(BUYERS);
      PurchaseRequest request = randomRequest(event, types, random);
      futures.add(pool.submit(() -> {
        try {
          attempts.add(new Attempt(buyerId, request, app.purchases().purchase(buyer(buyerId), claim(), request), null));
        } catch (SoldOut | LimitExceeded refused) {
          attempts.add(new Attempt(buyerId, request, null, refused));
        }
      }));
    }
    for (Future<?> future : futures) {
      future.get(); // any other exception fails the test here
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));

    assertEquals(ATTEMPTS, attempts.size());
    fixture.assertInvariant(event);
    Map<String, TypeCounts> counts = app.inventory().counts(event.eventId());
    Map<String, Long> orderedPerType = new HashMap<>();
    Map<String, Long> loungePerBuyer = new HashMap<>();
    String lounge = PurchaseFixture.typeId(event, "Lounge");
    for (Attempt attempt : attempts) {
      if (attempt.order() == null) {
        if (attempt.error() instanceof LimitExceeded) {
          assertTrue(attempt.request().items().stream().anyMatch(i -> i.ticketTypeId().equals(lounge)),
              "only the Lounge has a per-buyer cap");
        }
        continue;
      }
      assertEquals(OrderStatus.PENDING_PAYMENT, attempt.order().status());
      for (OrderView.Item item : attempt.order().items()) {
        assertTrue(item.quantity() <= 4, "maxPerOrder");
        orderedPerType.merge(item.ticketTypeId(), (long) item.quantity(), Long::sum);
        if (item.ticketTypeId().equals(lounge)) {
          loungePerBuyer.merge(attempt.buyerId(), (long) item.quantity(), Long::sum);
        }
      }
    }
    for (TicketTypeView type : types) {
      TypeCounts c = counts.get(type.ticketTypeId());
      assertEquals(orderedPerType.getOrDefault(type.ticketTypeId(), 0L), c.held(), "held " + type.name());
      assertEquals(0, c.sold());
    }
    loungePerBuyer.forEach((buyerId, quantity) -> {
      assertTrue(quantity <= 6, buyerId + " has " + quantity + " Lounge tickets");
      assertEquals((long) quantity, app.buyers().count(event.eventId(), lounge, buyerId));
    });
    long soldOut = attempts.stream().filter(a -> a.error() instanceof SoldOut).count();
    assertTrue(soldOut > 0, "demand exceeds supply, so some attempts must sell out");
    assertEquals(500, counts.values().stream().mapToLong(TypeCounts::held).sum()
        + counts.values().stream().mapToLong(TypeCounts::available).sum());
  }

  /** 1..4 tickets over one or two random types. */
  private static PurchaseRequest randomRequest(EventView event, List<TicketTypeView> types, Random random) {
    int tickets = 1 + random.nextInt(4);
    List<TicketTypeView> shuffled = new ArrayList<>(types);
    Collections.shuffle(shuffled, random);
    List<PurchaseItem> items = new ArrayList<>();
    if (tickets > 1 && random.nextBoolean()) {
      int first = 1 + random.nextInt(tickets - 1);
      items.add(new PurchaseItem(shuffled.get(0).ticketTypeId(), first));
      items.add(new PurchaseItem(shuffled.get(1).ticketTypeId(), tickets - first));
    } else {
      items.add(new PurchaseItem(shuffled.get(0).ticketTypeId(), tickets));
    }
    return new PurchaseRequest(event.eventId(), items);
  }
}
