package com.tickethub.seats;

/** What a seat is at an instant, with the one character that stands for it in a seat map's state string. */
public enum SeatState {
  FREE('F'), HELD('H'), SOLD('S'), BLOCKED('B');

  private final char code;

  SeatState(char code) {
    this.code = code;
  }

  public char code() {
    return code;
  }

  /** The state of a stored seat entry's {@code st} ("H", "S" or "B"; free seats have no entry). */
  public static SeatState ofCode(String code) {
    for (SeatState state : values()) {
      if (code.length() == 1 && state.code == code.charAt(0)) {
        return state;
      }
    }
    throw new IllegalArgumentException("No seat state " + code);
  }

  @Override
  public String toString() {
    return String.valueOf(code);
  }
}
