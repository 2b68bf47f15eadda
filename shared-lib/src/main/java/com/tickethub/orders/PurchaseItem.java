package com.tickethub.orders;

import com.tickethub.http.Validation;

/** One line of a purchase: a ticket type and how many (1..50; the type's own maxPerOrder is checked later). */
public record PurchaseItem(String ticketTypeId, Integer quantity) {
  public static final int MAX_QUANTITY = 50;

  public PurchaseItem {
    ticketTypeId = Validation.text("ticketTypeId", ticketTypeId, 128);
    quantity = Validation.range("quantity", quantity, 1, MAX_QUANTITY);
  }
}
