package com.tickethub.inventory;

import static com.tickethub.testing.Requests.organizer;
import static com.tickethub.testing.Requests.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.events.Event;
import com.tickethub.events.EventView;
import com.tickethub.events.NewEvent;
import com.tickethub.events.TicketType;
import com.tickethub.http.Json;
import com.tickethub.testing.MutableClock;
import com.tickethub.testing.PurchaseTestComponent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A type of 10 tickets over 5 shards of 2: any order of more than 2 must be split. */
class ShardedInventoryTest {
  private final Instant expiresAt = Instant.parse("2027-01-01T00:10:00Z");
  private final PurchaseTestComponent app =
      PurchaseTestComponent.create(new MutableClock(Instant.parse("2027-01-01T00:00:00Z")));
  private final EventView created = app.events().create(organizer("org-shards"),
      Json.read(resource("orders/sharded-event.json"), NewEvent.class));
  private final Event event = app.events().find(created.eventId());
  private final TicketType lawn = event.ticketTypes().get(0);

  @Test
  void lastTicketsSellWhenSpreadOverShards() {
    for (int i = 0; i < 4; i++) {
      assertTrue(take(order(), 1).isPresent());
    }

    Optional<List<Allocation>> last = take(order(), 6);

    assertTrue(last.isPresent(), "6 tickets are left in total, so 6 must sell");
    assertEquals(6, last.get().stream().mapToInt(Allocation::quantity).sum());
    assertTrue(last.get().size() >= 3, "no shard has more than 2");
    assertEquals(new TypeCounts(10, 0, 10, 0), counts());
  }

  @Test
  void orderLargerThanWhatIsLeftTakesNothing() {
    assertTrue(take(order(), 7).isPresent());

    assertFalse(take(order(), 4).isPresent());

    assertEquals(new TypeCounts(10, 3, 7, 0), counts());
  }

  @Test
  void sameOrderTakingAgainReusesItsSplitParts() {
    String orderId = order();
    List<Allocation> first = take(orderId, 5).orElseThrow();

    List<Allocation> again = take(orderId, 5).orElseThrow();

    assertEquals(first.stream().mapToInt(Allocation::quantity).sum(), again.stream().mapToInt(Allocation::quantity).sum());
    assertEquals(new TypeCounts(10, 5, 5, 0), counts());
  }

  @Test
  void everyPartOfASplitOrderIsReleasedOnceAndCommittedOnce() {
    String released = order();
    String paid = order();
    List<Allocation> releasedParts = take(released, 3).orElseThrow();
    List<Allocation> paidParts = take(paid, 3).orElseThrow();

    for (Allocation part : releasedParts) {
      assertTrue(app.inventory().release(event.eventId(), lawn.ticketTypeId(), released, 1, part));
      assertFalse(app.inventory().release(event.eventId(), lawn.ticketTypeId(), released, 1, part));
      assertFalse(app.inventory().commit(event.eventId(), lawn.ticketTypeId(), released, 1, part));
    }
    for (Allocation part : paidParts) {
      assertTrue(app.inventory().commit(event.eventId(), lawn.ticketTypeId(), paid, 1, part));
      assertFalse(app.inventory().commit(event.eventId(), lawn.ticketTypeId(), paid, 1, part));
      assertFalse(app.inventory().release(event.eventId(), lawn.ticketTypeId(), paid, 1, part));
    }

    assertEquals(new TypeCounts(10, 7, 0, 3), counts());
  }

  private Optional<List<Allocation>> take(String orderId, int quantity) {
    return app.inventory().take(event.eventId(), lawn, orderId, 1, quantity, expiresAt);
  }

  private TypeCounts counts() {
    return app.inventory().counts(event.eventId()).get(lawn.ticketTypeId());
  }

  private static String order() {
    return UUID.randomUUID().toString();
  }
}
