package com.tickethub.tickets;

import java.util.List;

/**
 * What {@link TicketRepository#voidTickets} did: the tickets now VOID, and those checked in (which
 * stay valid; a refund that finds any must be refused with 409 already_checked_in).
 */
public record VoidOutcome(List<String> voided, List<String> checkedIn) {
  public VoidOutcome {
    voided = List.copyOf(voided);
    checkedIn = List.copyOf(checkedIn);
  }

  public boolean anyCheckedIn() {
    return !checkedIn.isEmpty();
  }
}
