package com.tickethub.paging;

/** The secret that seals list cursors (at least 32 bytes). */
public record CursorKey(byte[] bytes) {
  public CursorKey {
    if (bytes.length < 32) {
      throw new IllegalArgumentException("A cursor key has at least 32 bytes");
    }
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }
}
