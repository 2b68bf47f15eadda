package com.tickethub.seats;

import java.util.List;
import java.util.Optional;

/**
 * The part of a seat map that the event item keeps: the focus and the sections' ids and names, in order.
 * The rows' layouts live in their row items with the seats' states, read together in one Query.
 */
public record Seating(Point focus, List<Section> sections) {

  public record Section(String id, String name) {}

  public Optional<Section> section(String id) {
    return sections.stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
