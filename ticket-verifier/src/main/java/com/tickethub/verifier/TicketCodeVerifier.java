package com.tickethub.verifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks ticket codes against a set of Ed25519 public keys, offline. A scanner app builds one from the
 * JWK Set of {@code GET /.well-known/ticket-keys} and calls {@link #verify(String)} for each scan; the
 * server uses the same class, so there is one implementation of the format. Thread-safe.
 */
public final class TicketCodeVerifier {
  private static final Pattern CODE = Pattern.compile(TicketCode.VERSION + "\\.(" + TicketCode.KEY_ID_PATTERN
      + ")\\.([A-Za-z0-9_-]{24})\\.([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{86})");

  private final Map<String, PublicKey> keys;

  /** Verifies with these keys, by key id. */
  public TicketCodeVerifier(Map<String, PublicKey> keys) {
    this.keys = Map.copyOf(keys);
  }

  /**
   * From the text of a JWK Set; keys other than {@code OKP}/{@code Ed25519} are skipped.
   *
   * @throws IllegalArgumentException if the text is not a JWK Set
   */
  public static TicketCodeVerifier fromJwks(String jwkSetJson) {
    if (!(JsonText.parse(jwkSetJson) instanceof Map<?, ?> set) || !(set.get("keys") instanceof List<?> list)) {
      throw new IllegalArgumentException("Not a valid JWK Set: no \"keys\" array");
    }
    Map<String, PublicKey> keys = new LinkedHashMap<>();
    for (Object entry : list) {
      if (entry instanceof Map<?, ?> jwk && "OKP".equals(jwk.get("kty")) && "Ed25519".equals(jwk.get("crv"))
          && jwk.get("kid") instanceof String kid && jwk.get("x") instanceof String x) {
        keys.put(kid, Ed25519Keys.publicKey(TicketCode.decode(x)));
      }
    }
    return new TicketCodeVerifier(keys);
  }

  /** {@code VALID_SIGNATURE} with the ids when a known key signed exactly this code; {@code INVALID} otherwise. */
  public Verification verify(String code) {
    if (code == null || code.length() > TicketCode.MAX_LENGTH) {
      return Verification.INVALID;
    }
    var parts = CODE.matcher(code);
    if (!parts.matches()) {
      return Verification.INVALID;
    }
    PublicKey key = keys.get(parts.group(1));
    if (key == null || !TicketCode.canonical(parts.group(2)) || !TicketCode.canonical(parts.group(3))
        || !TicketCode.canonical(parts.group(4))
        || !signatureMatches(key, code.substring(0, code.lastIndexOf('.')), parts.group(4))) {
      return Verification.INVALID;
    }
    TicketCode named = TicketCode.of(parts.group(1), parts.group(2), parts.group(3));
    return new Verification(Verification.Result.VALID_SIGNATURE, parts.group(1), named.ticketId(),
        named.eventId().toString());
  }

  /**
   * {@code java -jar ticket-verifier.jar <jwks.json> <code>}: prints the verification; exit status 0 for
   * a valid signature, 1 otherwise.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java -jar ticket-verifier.jar <jwks.json> <code>");
      System.exit(2);
    }
    Verification v = fromJwks(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8)).verify(args[1]);
    System.out.println(v.isValid() ? v.result() + " ticket=" + v.ticketId() + " event=" + v.eventId() : v.result());
    System.exit(v.isValid() ? 0 : 1);
  }

  private static boolean signatureMatches(PublicKey key, String signedText, String signature) {
    try {
      Signature ed25519 = Signature.getInstance(Ed25519Keys.ALGORITHM);
      ed25519.initVerify(key);
      ed25519.update(signedText.getBytes(StandardCharsets.US_ASCII));
      return ed25519.verify(TicketCode.decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // a signature the JDK rejects as malformed is simply not a valid one
      return false;
    }
  }
}
