package com.tickethub.tickets;

import com.tickethub.auth.Caller;
import com.tickethub.auth.Role;
import com.tickethub.errors.Forbidden;
import com.tickethub.errors.NotFound;
import com.tickethub.errors.TicketRejected;
import com.tickethub.events.Event;
import com.tickethub.events.EventCache;
import com.tickethub.events.TicketType;
import com.tickethub.orders.Order;
import com.tickethub.orders.OrderRepository;
import com.tickethub.verifier.Verification;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * A holder's tickets with their signed codes, and the gate check-in. Tickets live in their order's item
 * (model/PROTOCOL.md), so a check-in is one conditional write on the order: it serializes with a refund.
 */
@Singleton
public class TicketService {
  private final OrderRepository orders;
  private final EventCache events;
  private final TicketCodes codes;
  private final Clock clock;

  @Inject
  public TicketService(OrderRepository orders, EventCache events, TicketCodes codes, Clock clock) {
    this.orders = orders;
    this.events = events;
    this.codes = codes;
    this.clock = clock;
  }

  /** The caller's ticket with its code; 404 for a ticket that is not theirs, as for one that does not exist. */
  public TicketView get(Caller caller, String ticketId) {
    Ticket ticket = find(ticketId).filter(t -> t.holderId().equals(caller.sub()))
        .orElseThrow(() -> new NotFound("No ticket " + ticketId));
    return TicketView.of(ticket, codes.codeFor(ticket));
  }

  /** The PNG of the QR code of the caller's ticket. */
  public byte[] qr(Caller caller, String ticketId) {
    return QrCodes.png(get(caller, ticketId).code());
  }

  public String keys() {
    return codes.jwks();
  }

  /**
   * Checks a ticket in at a gate. The signature is checked first, so a forged or malformed code costs no database
   * access at all; then the caller must be the organizer of {@code request.eventId}, or be in the {@code staff}
   * group and on the event's staff list (the group makes an account a scanner at all, the list says for which
   * events), as this container read the event at most {@link EventCache#TTL} ago (a caller it refuses is checked
   * against a fresh read); then one conditional update of the ticket's order decides, and only a refused update
   * reads the order to say why. So the common scan is one request.
   *
   * @return the VALID scan
   * @throws TicketRejected for ALREADY_USED, INVALID, WRONG_EVENT and VOID
   */
  public Scan validate(Caller caller, ValidateRequest request) {
    Verification code = codes.verify(request.code());
    if (!code.isValid()) {
      throw new TicketRejected(Scan.of(ScanResult.INVALID), "The code is not a genuine ticket code");
    }
    Event event = events.find(request.eventId())
        .filter(cached -> mayScan(caller, cached))
        .or(() -> events.fresh(request.eventId()))
        .orElseThrow(() -> new NotFound("No event " + request.eventId()));
    if (!mayScan(caller, event)) {
      throw new Forbidden("Only the event's gate staff (staff group, on its staff list) and its organizer may"
          + " validate its tickets");
    }
    if (!code.eventId().equals(event.eventId())) {
      throw new TicketRejected(new Scan(ScanResult.WRONG_EVENT, code.ticketId(), code.eventId(), null, null, null, null),
          "The ticket is for another event");
    }
    Ticket.Ref ref = Ticket.parse(code.ticketId()).orElseThrow();
    Optional<Order> checkedIn = orders.checkIn(ref.orderId(), ref.position(), event.eventId(), clock.instant(),
        request.gate());
    if (checkedIn.isPresent()) {
      return scan(ScanResult.VALID, checkedIn.get().ticket(ref.position()).orElseThrow(), event);
    }
    Ticket ticket = find(code.ticketId()).orElseThrow(() -> new TicketRejected(
        new Scan(ScanResult.INVALID, code.ticketId(), code.eventId(), null, null, null, null), "No such ticket"));
    switch (ticket.status()) {
      case CHECKED_IN:
        throw new TicketRejected(scan(ScanResult.ALREADY_USED, ticket, event),
            "Checked in at " + ticket.checkedInAt() + " at gate " + ticket.gate());
      case VOID:
        throw new TicketRejected(scan(ScanResult.VOID, ticket, event), "The ticket was refunded or cancelled");
      default:
        throw new IllegalStateException("Ticket " + ticket.ticketId() + " is ISSUED but its check-in was refused");
    }
  }

  private static boolean mayScan(Caller caller, Event event) {
    return caller.sub().equals(event.organizerId())
        || (caller.has(Role.STAFF) && event.staff().contains(caller.sub()));
  }

  private Optional<Ticket> find(String ticketId) {
    return Ticket.parse(ticketId)
        .flatMap(ref -> orders.find(ref.orderId()).flatMap(order -> order.ticket(ref.position())));
  }

  private static Scan scan(ScanResult result, Ticket ticket, Event event) {
    return new Scan(result, ticket.ticketId(), ticket.eventId(), ticket.ticketTypeId(),
        event.ticketType(ticket.ticketTypeId()).map(TicketType::name).orElse(null), ticket.checkedInAt(), ticket.gate(),
        ticket.seat());
  }
}
