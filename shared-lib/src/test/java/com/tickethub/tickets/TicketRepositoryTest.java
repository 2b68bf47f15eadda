package com.tickethub.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.events.EventView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketRepositoryTest {
  private final TicketFixtures fixtures = new TicketFixtures(Clock.systemUTC());
  private final TicketRepository tickets = fixtures.tickets;
  private final EventView event = fixtures.event("org-r");

  @Test
  void voidingAnOrdersTicketsMakesThemVoidAndARetryChangesNothing() {
    List<String> ids = fixtures.tickets(event, "holder-1", 3).stream().map(Ticket::ticketId).toList();

    VoidOutcome first = tickets.voidTickets(ids);
    VoidOutcome retry = tickets.voidTickets(ids);

    assertEquals(ids, first.voided());
    assertEquals(ids, retry.voided());
    assertTrue(tickets.findAll(ids).stream().allMatch(t -> t.status() == TicketStatus.VOID));
  }

  @Test
  void voidingIsRefusedWholeWhenOneTicketIsCheckedIn() {
    List<String> ids = fixtures.tickets(event, "holder-1", 3).stream().map(Ticket::ticketId).toList();
    tickets.checkIn(ids.get(1), event.eventId(), Instant.now(), "North");

    VoidOutcome outcome = tickets.voidTickets(ids);

    assertTrue(outcome.anyCheckedIn());
    assertEquals(List.of(ids.get(1)), outcome.checkedIn());
    assertEquals(List.of(), outcome.voided());
    assertEquals(TicketStatus.ISSUED, tickets.find(ids.get(0)).orElseThrow().status());
  }

  @Test
  void findAllReturnsTheExistingTicketsInTheOrderAsked() {
    List<String> ids = fixtures.tickets(event, "holder-1", 2).stream().map(Ticket::ticketId).toList();

    List<Ticket> found = tickets.findAll(List.of(ids.get(1), "no-such-ticket", ids.get(0)));

    assertEquals(List.of(ids.get(1), ids.get(0)), found.stream().map(Ticket::ticketId).toList());
  }

  @Test
  void checkInOfATicketOfAnotherEventIsRefused() {
    Ticket ticket = fixtures.ticket(event, "holder-1");

    assertTrue(tickets.checkIn(ticket.ticketId(), "another-event", Instant.now(), "North").isEmpty());
    assertEquals(TicketStatus.ISSUED, tickets.find(ticket.ticketId()).orElseThrow().status());
  }
}
