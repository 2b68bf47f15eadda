package com.tickethub.paging;

import com.tickethub.errors.InvalidRequest;
import dagger.Lazy;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Seals a list position into an opaque cursor: {@code base64url(position) "." base64url(HMAC-SHA256)}, the MAC
 * taken over the list's binding (which list, for which caller, with which filter) and the position. A cursor is
 * only accepted by the binding it was made for, so a client can neither forge one nor carry one to another
 * caller's list: the partition a query reads always comes from the caller, and the position from a cursor the
 * server made for that very query.
 */
@Singleton
public final class Cursors {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int MAX_CURSOR_CHARS = 1024;

  private final Lazy<CursorKey> key;

  @Inject
  public Cursors(Lazy<CursorKey> key) {
    this.key = key;
  }

  public String seal(String binding, String position) {
    byte[] text = position.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(text) + "." + ENCODER.encodeToString(mac(binding, text));
  }

  /** The position sealed in {@code cursor}; 400 on {@code cursor} if this binding did not make it. */
  public String open(String binding, String cursor) {
    int dot = cursor.indexOf('.');
    if (cursor.length() <= MAX_CURSOR_CHARS && dot > 0 && dot == cursor.lastIndexOf('.')) {
      try {
        byte[] text = DECODER.decode(cursor.substring(0, dot));
        byte[] mac = DECODER.decode(cursor.substring(dot + 1));
        if (MessageDigest.isEqual(mac, mac(binding, text))) {
          return new String(text, StandardCharsets.UTF_8);
        }
      } catch (IllegalArgumentException notBase64) {
        // falls through to the one answer every bad cursor gets
      }
    }
    throw new InvalidRequest("cursor", "is not a cursor this list gave you; send nextCursor back unchanged");
  }

  /** The position of a page request's cursor, when it has one. */
  public Optional<String> open(String binding, PageRequest page) {
    return page.cursor().map(cursor -> open(binding, cursor));
  }

  /** A repository's slice as the API's page, its last position sealed for the same binding. */
  public <T> Page<T> page(String binding, Slice<T> slice) {
    return new Page<>(slice.items(), slice.lastPosition().map(position -> seal(binding, position)).orElse(null));
  }

  private byte[] mac(String binding, byte[] position) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.get().bytes(), "HmacSHA256"));
      mac.update(binding.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(position);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
