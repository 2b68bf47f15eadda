package com.tickethub.seats;

import com.tickethub.errors.InvalidRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code seating} of {@code POST /events}: the focus (the stage: best seats are nearest it) and the
 * sections. Rows are described, not listed seat by seat, so a 20,000-seat arena fits in one small request.
 */
public record NewSeating(Point focus, List<NewSection> sections) {
  public static final int MAX_SEATS = 100_000;

  public NewSeating {
    if (focus == null) {
      throw new InvalidRequest("focus", "is required: the point (the stage) the best seats are nearest to");
    }
    if (sections == null || sections.isEmpty()) {
      throw new InvalidRequest("sections", "must have at least one section");
    }
    Set<String> ids = new HashSet<>();
    long total = 0;
    for (int i = 0; i < sections.size(); i++) {
      NewSection section = sections.get(i);
      if (section == null) {
        throw new InvalidRequest("sections[" + i + "]", "must be an object");
      }
      if (!ids.add(section.id())) {
        throw new InvalidRequest("sections[" + i + "].id", "repeats section " + section.id());
      }
      total += section.rows().stream().mapToInt(NewRow::size).sum();
    }
    if (total > MAX_SEATS) {
      throw new InvalidRequest("sections", "the map has " + total + " seats; at most " + MAX_SEATS + " are allowed");
    }
    sections = List.copyOf(sections);
  }

  /** The number of seats whose category is {@code category}. */
  public int seatsOf(String category) {
    return sections.stream().flatMap(s -> s.rows().stream())
        .filter(r -> r.category().equals(category)).mapToInt(NewRow::size).sum();
  }

  /** The rows as stored, in the organizer's order, each with the id of its category's ticket type. */
  public List<RowLayout> layouts(Map<String, String> ticketTypeIdsByName) {
    List<RowLayout> layouts = new ArrayList<>();
    for (NewSection section : sections) {
      for (NewRow row : section.rows()) {
        layouts.add(new RowLayout(section.id(), row.id(), layouts.size(), row.x(), row.y(), row.dx(), row.dy(),
            row.seats(), row.category(), ticketTypeIdsByName.get(row.category()), row.skip(), row.accessible()));
      }
    }
    return layouts;
  }

  /** What the event item keeps of the map: the focus and the sections' names (the rows have their own items). */
  public Seating summary() {
    return new Seating(focus, sections.stream().map(s -> new Seating.Section(s.id(), s.name())).toList());
  }
}
