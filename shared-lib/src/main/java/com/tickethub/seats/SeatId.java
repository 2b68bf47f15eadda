package com.tickethub.seats;

import com.tickethub.errors.InvalidRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A seat's public id, {@code <section>-<row>-<number>} such as "A-1-12". */
public record SeatId(String section, String row, int number) implements Comparable<SeatId> {
  /** Section and row ids: short, and without the "-" that separates the parts of a seat id. */
  public static final Pattern PART = Pattern.compile("[A-Za-z0-9]{1,8}");
  private static final Pattern ID = Pattern.compile("([A-Za-z0-9]{1,8})-([A-Za-z0-9]{1,8})-([1-9][0-9]{0,2})");

  /** The seat {@code text} names; 400 naming {@code field} when it is not a seat id at all. */
  public static SeatId parse(String field, String text) {
    Matcher m = text == null ? null : ID.matcher(text);
    if (m == null || !m.matches()) {
      throw new InvalidRequest(field, "is not a seat id such as \"A-1-12\" (<section>-<row>-<number>)");
    }
    return new SeatId(m.group(1), m.group(2), Integer.parseInt(m.group(3)));
  }

  /**
   * 1 to {@code max} distinct seat ids, such as a request's {@code seats}; 400 naming the list or the first id
   * that is malformed or repeated ({@code field[i]}).
   */
  public static List<SeatId> parseAll(String field, List<String> ids, int max) {
    if (ids == null || ids.isEmpty() || ids.size() > max) {
      throw new InvalidRequest(field, "must list 1 to " + max + " seat ids");
    }
    Set<SeatId> seen = new LinkedHashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (!seen.add(parse(field + "[" + i + "]", ids.get(i)))) {
        throw new InvalidRequest(field + "[" + i + "]", "repeats seat " + ids.get(i));
      }
    }
    return List.copyOf(seen);
  }

  /** A section or row id of a seat map; 400 naming {@code field} otherwise. */
  public static String part(String field, String id) {
    if (id == null || !PART.matcher(id).matches()) {
      throw new InvalidRequest(field, "must be 1 to 8 letters or digits");
    }
    return id;
  }

  /** The row this seat is in, as the key of its row item. */
  public String rowKey() {
    return RowLayout.key(section, row);
  }

  @Override
  public int compareTo(SeatId other) {
    int byRow = rowKey().compareTo(other.rowKey());
    return byRow != 0 ? byRow : Integer.compare(number, other.number);
  }

  @Override
  public String toString() {
    return section + "-" + row + "-" + number;
  }
}
