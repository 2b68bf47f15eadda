package com.tickethub.seats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One row of a seat map as stored in its row item: where its seats are ({@code seats} places from
 * ({@code x},{@code y}) in steps of ({@code dx},{@code dy}), numbered from 1), which numbers do not exist
 * ({@code skip}) or are accessible, and the ticket type its seats sell as ({@code category} is the type's
 * name, {@code ticketTypeId} its id). {@code position} orders the rows as the organizer listed them.
 * {@code skip} and {@code accessible} are sorted.
 */
public record RowLayout(String section, String row, int position, int x, int y, int dx, int dy, int seats,
    String category, String ticketTypeId, List<Integer> skip, List<Integer> accessible) {

  public RowLayout {
    skip = sorted(skip);
    accessible = sorted(accessible);
  }

  /** The sort key of a row item: {@code ROW#<section>#<row>} (ids hold no "#"). */
  public static String key(String section, String row) {
    return section + "#" + row;
  }

  public String key() {
    return key(section, row);
  }

  /** True if seat {@code number} exists in this row: within 1..seats and not skipped. */
  public boolean exists(int number) {
    return number >= 1 && number <= seats && Collections.binarySearch(skip, number) < 0;
  }

  public boolean accessible(int number) {
    return Collections.binarySearch(accessible, number) >= 0;
  }

  /** The number of seats that exist. */
  public int size() {
    return seats - skip.size();
  }

  /** The existing seat numbers, in order. */
  public List<Integer> numbers() {
    List<Integer> numbers = new ArrayList<>(size());
    for (int n = 1; n <= seats; n++) {
      if (exists(n)) {
        numbers.add(n);
      }
    }
    return numbers;
  }

  /** How far seat {@code number} is from {@code focus}, on the plane of the map. */
  public double distance(int number, Point focus) {
    double px = x + (double) (number - 1) * dx - focus.x();
    double py = y + (double) (number - 1) * dy - focus.y();
    return Math.hypot(px, py);
  }

  public SeatId seat(int number) {
    return new SeatId(section, row, number);
  }

  private static List<Integer> sorted(List<Integer> numbers) {
    List<Integer> copy = new ArrayList<>(numbers == null ? List.of() : numbers);
    Collections.sort(copy);
    return List.copyOf(copy);
  }
}
