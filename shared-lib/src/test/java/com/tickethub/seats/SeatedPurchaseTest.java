package com.tickethub.seats;

import static com.tickethub.testing.Requests.buyer;
import static com.tickethub.testing.Requests.organizer;
import static com.tickethub.testing.Requests.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tickethub.errors.SoldOut;
import com.tickethub.events.EventView;
import com.tickethub.events.NewEvent;
import com.tickethub.events.TicketTypeView;
import com.tickethub.http.Json;
import com.tickethub.idempotency.Claim;
import com.tickethub.orders.OrderStatus;
import com.tickethub.orders.OrderView;
import com.tickethub.orders.PurchaseItem;
import com.tickethub.orders.PurchaseRequest;
import com.tickethub.testing.PurchaseTestComponent;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Purchases in a mixed event. Seats are not sold through the purchase yet (they will be, on the order
 * life-cycle of model/PROTOCOL.md): until then a seated type has no inventory shards and is sold out to a
 * quantity purchase, and the standing type of the same event sells as ever.
 */
class SeatedPurchaseTest {
  private final PurchaseTestComponent app = PurchaseTestComponent.create(Clock.systemUTC());
  private final EventView hall = app.events().create(organizer("org-hall"),
      Json.read(resource("seats/small-hall.json"), NewEvent.class));

  @Test
  void standingTypeOfAMixedEventSellsAsEver() {
    OrderView order = app.purchases().purchase(buyer("u-1"), new Claim(UUID.randomUUID().toString(), false), request("Standing", 2));

    assertEquals(OrderStatus.PENDING_PAYMENT, order.status());
  }

  @Test
  void seatedTypeIsSoldOutToAQuantityPurchaseAndNothingIsHeld() {
    assertThrows(SoldOut.class, () ->
        app.purchases().purchase(buyer("u-1"), new Claim(UUID.randomUUID().toString(), false), request("Stalls", 2)));

    assertEquals(31, app.events().get(hall.eventId()).ticketTypes().get(1).available());
  }

  private PurchaseRequest request(String type, int quantity) {
    String typeId = hall.ticketTypes().stream().filter(t -> t.name().equals(type))
        .map(TicketTypeView::ticketTypeId).findFirst().orElseThrow();
    return new PurchaseRequest(hall.eventId(), List.of(new PurchaseItem(typeId, quantity)));
  }
}
