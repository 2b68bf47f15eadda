package com.tickethub.events;

import com.tickethub.errors.InvalidRequest;
import com.tickethub.http.Validation;
import java.util.List;

/** The body of {@code PUT /events/{eventId}/staff}: the whole gate-staff list (the answer is the event). */
public record StaffList(List<String> staff) {
  public StaffList {
    if (staff == null) {
      throw new InvalidRequest("staff", "is required (an empty list removes every scanner)");
    }
    staff = Validation.subs("staff", staff, NewEvent.MAX_STAFF);
  }
}
