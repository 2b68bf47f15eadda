package com.tickethub.verifier;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

/**
 * What a ticket code names: {@code TH1.<keyId>.<ticketId>.<eventId>.<signature>}, every part after the
 * version base64url without padding, the ids as their 16 raw UUID bytes (22 characters each) and the
 * signature as the 64 bytes of Ed25519 over the ASCII text before the last '.'. At most
 * {@link #MAX_LENGTH} characters, so that it fits a QR code of version 8 at error correction M.
 */
public record TicketCode(String keyId, UUID ticketId, UUID eventId) {
  public static final String VERSION = "TH1";
  public static final int MAX_LENGTH = 152;
  /** Key ids are short base64url words: with 22 + 22 + 86 characters of ids and signature this keeps codes in bounds. */
  public static final int MAX_KEY_ID_LENGTH = 12;
  public static final String KEY_ID_PATTERN = "[A-Za-z0-9_-]{1," + MAX_KEY_ID_LENGTH + "}";

  static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  public TicketCode {
    if (keyId == null || !keyId.matches(KEY_ID_PATTERN)) {
      throw new IllegalArgumentException("A key id is 1 to " + MAX_KEY_ID_LENGTH + " base64url characters");
    }
    if (ticketId == null || eventId == null) {
      throw new IllegalArgumentException("A ticket code names a ticket and an event");
    }
  }

  /** The ASCII text the signature covers. */
  public String signedText() {
    return VERSION + "." + keyId + "." + encode(ticketId) + "." + encode(eventId);
  }

  /** The full code: the signed text and its signature. */
  public String withSignature(byte[] signature) {
    return signedText() + "." + ENCODER.encodeToString(signature);
  }

  static String encode(UUID id) {
    return ENCODER.encodeToString(ByteBuffer.allocate(16)
        .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array());
  }

  static UUID decodeId(String text) {
    ByteBuffer bytes = ByteBuffer.wrap(DECODER.decode(text));
    return new UUID(bytes.getLong(), bytes.getLong());
  }
}
