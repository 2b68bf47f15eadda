package com.tickethub.orders;

import com.tickethub.errors.InvalidRequest;
import com.tickethub.http.Validation;
import com.tickethub.seats.SeatId;
import com.tickethub.seats.SeatRequest;
import java.util.List;

/**
 * One line of a purchase: a ticket type and how many (1..50; the type's own maxPerOrder is checked later). For a
 * seated type, either the chosen {@code seats} (then {@code quantity} may be left out: it is their number) or
 * best available: {@code quantity} seats, adjacent in one row unless {@code together} is false, with
 * {@code accessible} accessible seats among them (default 0).
 */
public record PurchaseItem(String ticketTypeId, Integer quantity, List<String> seats, Boolean together,
    Integer accessible) {
  public static final int MAX_QUANTITY = 50;

  public PurchaseItem {
    ticketTypeId = Validation.text("ticketTypeId", ticketTypeId, 128);
    if (seats != null) {
      int chosen = SeatId.parseAll("seats", seats, MAX_QUANTITY).size();
      if (quantity != null && quantity != chosen) {
        throw new InvalidRequest("quantity", "must be the number of seats (" + chosen + "), or be left out");
      }
      if (together != null || accessible != null) {
        throw new InvalidRequest(together != null ? "together" : "accessible",
            "is for best available (a quantity without seats); chosen seats are taken as they are");
      }
      quantity = chosen;
      seats = List.copyOf(seats);
    } else {
      quantity = Validation.range("quantity", quantity, 1, MAX_QUANTITY);
      if (accessible != null) {
        Validation.range("accessible", accessible, 0, quantity);
      }
    }
  }

  /** A line of a standing type, or best available of a seated one with the defaults. */
  public PurchaseItem(String ticketTypeId, Integer quantity) {
    this(ticketTypeId, quantity, null, null, null);
  }

  /** True if the line says anything only a seated type understands. */
  public boolean asksForSeats() {
    return seats != null || together != null || accessible != null;
  }

  /**
   * What the line asks of a seated type; {@code resumed} when the order may already hold seats from an attempt
   * that died.
   */
  public SeatRequest seatRequest(boolean resumed) {
    return new SeatRequest(seats == null ? List.of() : SeatId.parseAll("seats", seats, MAX_QUANTITY),
        together == null || together, accessible == null ? 0 : accessible, resumed);
  }
}
