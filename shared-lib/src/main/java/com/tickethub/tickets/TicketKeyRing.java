package com.tickethub.tickets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.tickethub.http.Json;
import com.tickethub.verifier.Ed25519Keys;
import com.tickethub.verifier.TicketCode;
import com.tickethub.verifier.TicketCodeVerifier;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of ticket codes: the active key (id and private key) that signs new codes, and the public
 * keys of every key that still verifies, the active one first. Stored as JSON (key file locally, the
 * secret in AWS), members named as in JWK (RFC 8037), raw keys base64url without padding:
 * <pre>{"activeKeyId": "q3Jd0w",
 *  "keys": [{"kid": "q3Jd0w", "x": "&lt;32-byte public key&gt;", "d": "&lt;32-byte private key&gt;"},
 *           {"kid": "Zb81xA", "x": "&lt;public key of a retired key, still verifying&gt;"}]}</pre>
 */
public final class TicketKeyRing {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  private static final int KEY_ID_BYTES = 6;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String activeKeyId;
  private final PrivateKey activeKey;
  private final Map<String, PublicKey> publicKeys;

  private TicketKeyRing(String activeKeyId, PrivateKey activeKey, Map<String, PublicKey> publicKeys) {
    if (!publicKeys.containsKey(activeKeyId)) {
      throw new IllegalArgumentException("The active key " + activeKeyId + " has no public key");
    }
    this.activeKeyId = activeKeyId;
    this.activeKey = activeKey;
    this.publicKeys = publicKeys;
  }

  /** A ring of one fresh key. */
  public static TicketKeyRing generate() {
    return withNewKey(Map.of());
  }

  /** A fresh active key; the current keys keep verifying, their private keys are dropped. */
  public TicketKeyRing rotate() {
    return withNewKey(publicKeys);
  }

  private static TicketKeyRing withNewKey(Map<String, PublicKey> older) {
    KeyPair pair = newKeyPair();
    String keyId;
    do {
      byte[] id = new byte[KEY_ID_BYTES];
      RANDOM.nextBytes(id);
      keyId = B64.encodeToString(id);
    } while (older.containsKey(keyId));
    Map<String, PublicKey> keys = new LinkedHashMap<>();
    keys.put(keyId, pair.getPublic());
    keys.putAll(older);
    return new TicketKeyRing(keyId, pair.getPrivate(), keys);
  }

  public String activeKeyId() {
    return activeKeyId;
  }

  public Map<String, PublicKey> publicKeys() {
    return publicKeys;
  }

  public byte[] sign(String text) {
    try {
      Signature ed25519 = Signature.getInstance(Ed25519Keys.ALGORITHM);
      ed25519.initSign(activeKey);
      ed25519.update(text.getBytes(StandardCharsets.US_ASCII));
      return ed25519.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  public TicketCodeVerifier verifier() {
    return new TicketCodeVerifier(publicKeys);
  }

  /** The JWK Set of every verifying key, as served at {@code /.well-known/ticket-keys}. */
  public String jwks() {
    List<Map<String, String>> keys = new ArrayList<>();
    publicKeys.forEach((kid, key) -> {
      Map<String, String> jwk = new LinkedHashMap<>();
      jwk.put("kty", "OKP");
      jwk.put("crv", "Ed25519");
      jwk.put("kid", kid);
      jwk.put("x", B64.encodeToString(Ed25519Keys.raw(key)));
      jwk.put("use", "sig");
      jwk.put("alg", "EdDSA");
      keys.add(jwk);
    });
    return Json.write(Map.of("keys", keys));
  }

  /** The stored form (see the class comment). */
  public String toJson() {
    List<StoredKey> keys = new ArrayList<>();
    publicKeys.forEach((kid, key) -> keys.add(new StoredKey(kid, B64.encodeToString(Ed25519Keys.raw(key)),
        kid.equals(activeKeyId) ? B64.encodeToString(seed(activeKey)) : null)));
    return Json.write(new Stored(activeKeyId, keys));
  }

  /** @throws IllegalArgumentException if the text is not a key ring whose active key has its private key */
  public static TicketKeyRing fromJson(String json) {
    Stored stored;
    try {
      stored = Json.MAPPER.readValue(json, Stored.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The ticket keys are not valid JSON of the documented format", e);
    }
    if (stored == null || stored.activeKeyId() == null || stored.keys() == null) {
      throw new IllegalArgumentException("The ticket keys need activeKeyId and keys");
    }
    Map<String, PublicKey> keys = new LinkedHashMap<>();
    PrivateKey active = null;
    for (StoredKey key : stored.keys()) {
      if (key.kid() == null || !key.kid().matches(TicketCode.KEY_ID_PATTERN) || key.x() == null) {
        throw new IllegalArgumentException("Each ticket key needs a kid of 1 to " + TicketCode.MAX_KEY_ID_LENGTH
            + " base64url characters and its x");
      }
      keys.put(key.kid(), Ed25519Keys.publicKey(B64D.decode(key.x())));
      if (key.kid().equals(stored.activeKeyId()) && key.d() != null) {
        active = privateKey(B64D.decode(key.d()));
      }
    }
    if (active == null) {
      throw new IllegalArgumentException("The active ticket key " + stored.activeKeyId() + " has no private key (d)");
    }
    return new TicketKeyRing(stored.activeKeyId(), active, keys);
  }

  private static KeyPair newKeyPair() {
    try {
      return KeyPairGenerator.getInstance(Ed25519Keys.ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JDK has no Ed25519", e);
    }
  }

  private static byte[] seed(PrivateKey key) {
    return ((EdECPrivateKey) key).getBytes().orElseThrow(() -> new IllegalStateException("Private key not extractable"));
  }

  private static PrivateKey privateKey(byte[] seed) {
    try {
      return KeyFactory.getInstance(Ed25519Keys.ALGORITHM)
          .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Not an Ed25519 private key", e);
    }
  }

  record Stored(String activeKeyId, List<StoredKey> keys) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record StoredKey(String kid, String x, String d) {}
}
