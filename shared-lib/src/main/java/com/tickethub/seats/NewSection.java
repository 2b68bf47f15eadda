package com.tickethub.seats;

import com.tickethub.errors.InvalidRequest;
import com.tickethub.http.Validation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A section of a seat map in {@code POST /events}: an id unique in the event, a display name, its rows. */
public record NewSection(String id, String name, List<NewRow> rows) {

  public NewSection {
    id = SeatId.part("id", id);
    name = name == null ? id : Validation.text("name", name, 100);
    if (rows == null || rows.isEmpty()) {
      throw new InvalidRequest("rows", "must have at least one row");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i) == null) {
        throw new InvalidRequest("rows[" + i + "]", "must be an object");
      }
      if (!ids.add(rows.get(i).id())) {
        throw new InvalidRequest("rows[" + i + "].id", "repeats row " + rows.get(i).id() + " of section " + id);
      }
    }
    rows = List.copyOf(rows);
  }
}
