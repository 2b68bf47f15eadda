package com.tickethub.seats;

import java.util.List;

/**
 * The part of a seat map that the event item keeps: the focus and the sections' ids and names, in order.
 * The rows' layouts live in their row items with the seats' states, read together in one Query.
 */
public record Seating(Point focus, List<Section> sections) {

  public record Section(String id, String name) {}
}
