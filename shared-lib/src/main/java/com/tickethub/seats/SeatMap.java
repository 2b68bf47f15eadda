package com.tickethub.seats;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code GET /events/{eventId}/seats}: the layout once and each seat's state, compact. {@code version} is the
 * event's version (see {@link SeatRepository#version}); a row's {@code state} has one character per existing
 * seat in number order (F free, H held, S sold, B blocked).
 */
public record SeatMap(String eventId, long version, Point focus, List<Section> sections) {

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
