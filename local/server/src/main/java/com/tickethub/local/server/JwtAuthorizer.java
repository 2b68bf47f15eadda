package com.tickethub.local.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The local stand-in for the HTTP API's JWT authorizer: an RSA key of its own (kept in the data
 * folder, so tokens survive a restart), tokens minted for any user and group, and the checks API
 * Gateway makes (signature, issuer, audience, expiry) before a route's function is called.
 */
public final class JwtAuthorizer {
  public static final String ISSUER = "https://tickethub.local/issuer";
  public static final String AUDIENCE = "tickethub-local";
  public static final Duration TOKEN_LIFETIME = Duration.ofHours(12);
  private static final String KEY_FILE = "jwt-signing-key.json";
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final RSAKey key;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  /** The claims API Gateway passes on, each as a string (arrays as {@code [a b]}), and the token's scopes. */
  public record Verified(Map<String, String> claims, List<String> scopes) {}

  private JwtAuthorizer(RSAKey key) {
    this.key = key;
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
        new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()))));
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(AUDIENCE,
        new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("sub", "exp")));
  }

  /** With the key of {@code dataDir}, created there on first use; a throwaway key when it is null. */
  public static JwtAuthorizer create(Path dataDir) {
    try {
      if (dataDir == null) {
        return new JwtAuthorizer(generate());
      }
      Path file = dataDir.resolve(KEY_FILE);
      if (Files.isRegularFile(file)) {
        ownerOnly(file); // a file an older version wrote readable by all
        return new JwtAuthorizer(RSAKey.parse(Files.readString(file)));
      }
      RSAKey key = generate();
      Files.createDirectories(dataDir);
      // The private key that signs every local token: readable by its owner only, from its first byte.
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.writeString(file, key.toJSONString());
      return new JwtAuthorizer(key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("Unreadable key in " + dataDir.resolve(KEY_FILE) + ": delete it to make a new one", e);
    }
  }

  private static void ownerOnly(Path file) throws IOException {
    if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048).keyID("tickethub-local").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token this authorizer accepts until {@code lifetime} from now (a negative lifetime makes an expired one). */
  public String mint(String sub, List<String> groups, Duration lifetime) {
    Instant now = Instant.now();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .subject(sub)
        .claim("cognito:groups", groups)
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .claim("token_use", "id")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(lifetime)))
        .build();
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The verified token of an Authorization header value ({@code Bearer <jwt>}), or empty if it is not valid. */
  public Optional<Verified> verify(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return Optional.empty();
    }
    String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : authorization.trim();
    try {
      JWTClaimsSet claims = processor.process(token, null);
      Map<String, String> strings = new LinkedHashMap<>();
      claims.getClaims().forEach((name, value) -> strings.put(name, claimText(value)));
      String scope = claims.getStringClaim("scope");
      return Optional.of(new Verified(strings, scope == null ? null : Arrays.asList(scope.split(" "))));
    } catch (ParseException | BadJOSEException | JOSEException e) {
      return Optional.empty();
    }
  }

  /** A claim as the HTTP API hands it to the function: arrays as {@code [a b]}, times in epoch seconds. */
  private static String claimText(Object value) {
    if (value instanceof Collection<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(" ", "[", "]"));
    }
    if (value instanceof Date date) {
      return String.valueOf(date.toInstant().getEpochSecond());
    }
    return String.valueOf(value);
  }
}
