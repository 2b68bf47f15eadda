package com.tickethub.tickets;

import com.tickethub.seats.SeatView;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ticket: a position of a paid order (model/PROTOCOL.md: tickets live in their order's item). Its id is
 * {@code <orderId>-<position>}, so a ticket is found, and checked in, with the order's key alone.
 * {@code checkedInAt} and {@code gate} are set by its one successful check-in; {@code seat} is its place, for a
 * seated ticket type (null otherwise).
 */
public record Ticket(
    String ticketId,
    String orderId,
    int position,
    String eventId,
    String ticketTypeId,
    String holderId,
    TicketStatus status,
    Instant checkedInAt,
    String gate,
    SeatView seat) {

  public Ticket(String ticketId, String orderId, int position, String eventId, String ticketTypeId, String holderId,
      TicketStatus status, Instant checkedInAt, String gate) {
    this(ticketId, orderId, position, eventId, ticketTypeId, holderId, status, checkedInAt, gate, null);
  }

  private static final Pattern ID = Pattern.compile("(.{1,128})-(0|[1-9][0-9]{0,4})");

  /** Where a ticket id points: its order and position. */
  public record Ref(String orderId, int position) {}

  public static String idFor(String orderId, int position) {
    return orderId + "-" + position;
  }

  /** The order and position a ticket id names; empty for anything that is not a ticket id. */
  public static Optional<Ref> parse(String ticketId) {
    Matcher id = ID.matcher(ticketId == null ? "" : ticketId);
    return id.matches() ? Optional.of(new Ref(id.group(1), Integer.parseInt(id.group(2)))) : Optional.empty();
  }
}
