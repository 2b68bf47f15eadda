package com.tickethub.verifier;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

/**
 * What a ticket code names: {@code TH2.<keyId>.<ticket>.<eventId>.<signature>}, every part after the version
 * base64url without padding. The ticket part is its order's 16 UUID bytes and its 2-byte position in the order
 * (24 characters; the ticket id is {@code <orderId>-<position>}), the event its 16 UUID bytes (22 characters),
 * the signature the 64 bytes of Ed25519 over the ASCII text before the last '.'. At most {@link #MAX_LENGTH}
 * characters, so that it fits a QR code of version 8 at error correction M. Parts must be in their one canonical
 * encoding: a character changed in the unused low bits of a part makes the code invalid, not an alias.
 */
public record TicketCode(String keyId, UUID orderId, int position, UUID eventId) {
  public static final String VERSION = "TH2";
  public static final int MAX_LENGTH = 152;
  public static final int MAX_POSITION = 0xFFFF;
  /** Key ids are short base64url words: with 24 + 22 + 86 characters of ids and signature this keeps codes in bounds. */
  public static final int MAX_KEY_ID_LENGTH = 12;
  public static final String KEY_ID_PATTERN = "[A-Za-z0-9_-]{1," + MAX_KEY_ID_LENGTH + "}";

  static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  public TicketCode {
    if (keyId == null || !keyId.matches(KEY_ID_PATTERN)) {
      throw new IllegalArgumentException("A key id is 1 to " + MAX_KEY_ID_LENGTH + " base64url characters");
    }
    if (orderId == null || eventId == null || position < 0 || position > MAX_POSITION) {
      throw new IllegalArgumentException("A ticket code names an order, a position in it and an event");
    }
  }

  /** The ticket's id: {@code <orderId>-<position>}. */
  public String ticketId() {
    return orderId + "-" + position;
  }

  /** The ASCII text the signature covers. */
  public String signedText() {
    ByteBuffer ticket = ByteBuffer.allocate(18).putLong(orderId.getMostSignificantBits())
        .putLong(orderId.getLeastSignificantBits()).putShort((short) position);
    return VERSION + "." + keyId + "." + ENCODER.encodeToString(ticket.array()) + "." + encode(eventId);
  }

  /** The full code: the signed text and its signature. */
  public String withSignature(byte[] signature) {
    return signedText() + "." + ENCODER.encodeToString(signature);
  }

  /** The code a verified text names (its parts already matched the format). */
  static TicketCode of(String keyId, String ticket, String event) {
    ByteBuffer bytes = ByteBuffer.wrap(decode(ticket));
    UUID order = new UUID(bytes.getLong(), bytes.getLong());
    return new TicketCode(keyId, order, Short.toUnsignedInt(bytes.getShort()), decodeId(event));
  }

  static String encode(UUID id) {
    return ENCODER.encodeToString(ByteBuffer.allocate(16)
        .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array());
  }

  static UUID decodeId(String text) {
    ByteBuffer bytes = ByteBuffer.wrap(decode(text));
    return new UUID(bytes.getLong(), bytes.getLong());
  }

  /**
   * Strict base64url: the bytes, only if {@code text} is their canonical encoding (the JDK's decoder ignores the
   * unused low bits of the last character, so several texts would decode to the same bytes).
   *
   * @throws IllegalArgumentException for anything else
   */
  static byte[] decode(String text) {
    byte[] bytes = DECODER.decode(text);
    if (!ENCODER.encodeToString(bytes).equals(text)) {
      throw new IllegalArgumentException("not canonical base64url");
    }
    return bytes;
  }

  static boolean canonical(String text) {
    try {
      decode(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
