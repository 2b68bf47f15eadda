package com.tickethub.verifier;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 public keys as the 32 raw bytes of JWK's {@code x} (RFC 8037). The JDK reads and writes them
 * as X.509 SubjectPublicKeyInfo, which is these bytes behind a fixed 12-byte header.
 */
public final class Ed25519Keys {
  public static final String ALGORITHM = "Ed25519";
  private static final byte[] X509_HEADER = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
  private static final int KEY_BYTES = 32;

  private Ed25519Keys() {}

  public static PublicKey publicKey(byte[] raw) {
    if (raw.length != KEY_BYTES) {
      throw new IllegalArgumentException("An Ed25519 public key is " + KEY_BYTES + " bytes");
    }
    byte[] encoded = Arrays.copyOf(X509_HEADER, X509_HEADER.length + KEY_BYTES);
    System.arraycopy(raw, 0, encoded, X509_HEADER.length, KEY_BYTES);
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Not an Ed25519 public key", e);
    }
  }

  public static byte[] raw(PublicKey key) {
    byte[] encoded = key.getEncoded();
    if (encoded.length != X509_HEADER.length + KEY_BYTES
        || !Arrays.equals(encoded, 0, X509_HEADER.length, X509_HEADER, 0, X509_HEADER.length)) {
      throw new IllegalArgumentException("Not an Ed25519 public key");
    }
    return Arrays.copyOfRange(encoded, X509_HEADER.length, encoded.length);
  }
}
