package com.tickethub.seats;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /events/{eventId}/seats}: the layout once and each seat's state, compact. {@code version} is the
 * event's version (see {@link SeatRepository#version}); a row's {@code state} has one character per existing
 * seat in number order (F free, H held, S sold, B blocked).
 */
public record SeatMap(String eventId, long version, Point focus, List<Section> sections) {

  /** The map of the event's {@code seating} (focus, sections in order) with its rows as read, at {@code version}. */
  public static SeatMap of(String eventId, long version, Seating seating, Collection<SeatRow> rows) {
    Map<String, List<Row>> bySection = new LinkedHashMap<>();
    rows.stream().sorted(Comparator.comparingInt(r -> r.layout().position())).forEach(row ->
        bySection.computeIfAbsent(row.layout().section(), s -> new ArrayList<>()).add(Row.of(row)));
    List<Section> sections = seating.sections().stream()
        .map(s -> new Section(s.id(), s.name(), bySection.getOrDefault(s.id(), List.of())))
        .toList();
    return new SeatMap(eventId, version, seating.focus(), sections);
  }

  public record Section(String id, String name, List<Row> rows) {}

  public record Row(String id, int x, int y, int dx, int dy, int seats, String category,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Integer> skip,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Integer> accessible,
      String state) {

    static Row of(SeatRow row) {
      RowLayout l = row.layout();
      return new Row(l.row(), l.x(), l.y(), l.dx(), l.dy(), l.seats(), l.category(), l.skip(), l.accessible(),
          row.states());
    }
  }
}
