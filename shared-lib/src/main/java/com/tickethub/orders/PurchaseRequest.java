package com.tickethub.orders;

import com.tickethub.errors.InvalidRequest;
import com.tickethub.http.Validation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The body of {@code POST /tickets/purchase}: an event and 1..50 distinct ticket types with their quantities. */
public record PurchaseRequest(String eventId, List<PurchaseItem> items) {
  public static final int MAX_ITEMS = 50;

  public PurchaseRequest {
    eventId = Validation.text("eventId", eventId, 128);
    if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
      throw new InvalidRequest("items", "must have 1 to " + MAX_ITEMS + " entries");
    }
    Set<String> types = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == null) {
        throw new InvalidRequest("items[" + i + "]", "must be an object");
      }
      if (!types.add(items.get(i).ticketTypeId())) {
        throw new InvalidRequest("items[" + i + "].ticketTypeId", "appears twice; give each type once with its quantity");
      }
    }
    items = List.copyOf(items);
  }
}
