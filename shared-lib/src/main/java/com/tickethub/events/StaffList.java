package com.tickethub.events;

import com.tickethub.errors.InvalidRequest;
import com.tickethub.http.Validation;
import java.util.List;

/** The body of {@code PUT /events/{eventId}/staff}, and its answer: the whole gate-staff list. */
public record StaffList(List<String> staff) {
  public StaffList {
    if (staff == null) {
      throw new InvalidRequest("staff", "is required (an empty list removes every scanner)");
    }
    staff = Validation.subs("staff", staff, NewEvent.MAX_STAFF);
  }
}
