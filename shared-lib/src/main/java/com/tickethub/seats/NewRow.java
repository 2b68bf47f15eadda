package com.tickethub.seats;

import com.tickethub.errors.InvalidRequest;
import com.tickethub.http.Validation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A row as an organizer describes it in {@code POST /events}: {@code seats} places from ({@code x},{@code y}) in
 * steps of ({@code dx},{@code dy}), numbered from 1; {@code skip} numbers that do not exist, {@code accessible}
 * numbers of accessible seats; {@code category} the name of the seated ticket type its seats sell as
 * (checked against the ticket types by {@code NewEvent}).
 */
public record NewRow(String id, Integer x, Integer y, Integer dx, Integer dy, Integer seats, String category,
    List<Integer> skip, List<Integer> accessible) {

  public static final int MAX_SEATS = 200;

  public NewRow {
    id = SeatId.part("id", id);
    x = Validation.range("x", x, -Point.MAX_COORDINATE, Point.MAX_COORDINATE);
    y = Validation.range("y", y, -Point.MAX_COORDINATE, Point.MAX_COORDINATE);
    dx = Validation.range("dx", dx, -Point.MAX_COORDINATE, Point.MAX_COORDINATE);
    dy = Validation.range("dy", dy, -Point.MAX_COORDINATE, Point.MAX_COORDINATE);
    if (dx == 0 && dy == 0) {
      throw new InvalidRequest("dx", "dx and dy must not both be 0: the seats would stand on one spot");
    }
    seats = Validation.range("seats", seats, 1, MAX_SEATS);
    category = Validation.text("category", category, 100);
    skip = numbers("skip", skip, seats, Set.of());
    accessible = numbers("accessible", accessible, seats, new HashSet<>(skip));
    if (skip.size() == seats) {
      throw new InvalidRequest("skip", "skips every seat of the row");
    }
  }

  /** The number of seats that exist. */
  public int size() {
    return seats - skip.size();
  }

  /** Distinct seat numbers in 1..seats, none of them in {@code excluded}. */
  private static List<Integer> numbers(String field, List<Integer> numbers, int seats, Set<Integer> excluded) {
    if (numbers == null) {
      return List.of();
    }
    Set<Integer> seen = new HashSet<>();
    List<Integer> valid = new ArrayList<>(numbers.size());
    for (int i = 0; i < numbers.size(); i++) {
      String item = field + "[" + i + "]";
      Integer n = numbers.get(i);
      if (n == null || n < 1 || n > seats) {
        throw new InvalidRequest(item, "must be a seat number from 1 to " + seats);
      }
      if (!seen.add(n)) {
        throw new InvalidRequest(item, "repeats seat " + n);
      }
      if (excluded.contains(n)) {
        throw new InvalidRequest(item, "seat " + n + " is skipped: it does not exist");
      }
      valid.add(n);
    }
    return List.copyOf(valid);
  }
}
