package com.tickethub.seats;

import com.tickethub.http.Validation;

/** A place on the seat map's plane (whole units of the organizer's choosing, such as decimetres). */
public record Point(Integer x, Integer y) {
  /** How far a coordinate or a step may reach: far beyond any venue, and safe from overflow. */
  public static final int MAX_COORDINATE = 1_000_000;

  public Point {
    x = Validation.range("x", x, -MAX_COORDINATE, MAX_COORDINATE);
    y = Validation.range("y", y, -MAX_COORDINATE, MAX_COORDINATE);
  }
}
