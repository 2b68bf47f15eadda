package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local JWT signing key in the data folder: readable by its owner only, and the same key after a restart. */
class JwtKeyFileTest {
  @TempDir
  Path data;

  @Test
  void signingKeyFileIsReadableByItsOwnerOnly() throws Exception {
    JwtAuthorizer.create(data);

    assertEquals("rw-------", permissions(data.resolve("jwt-signing-key.json")));
  }

  @Test
  void aKeyFileReadableByAllIsMadeOwnerOnlyAndStillSigns() throws Exception {
    String token = JwtAuthorizer.create(data).mint("u1", List.of(), Duration.ofMinutes(5));
    Path file = data.resolve("jwt-signing-key.json");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    JwtAuthorizer again = JwtAuthorizer.create(data);

    assertEquals("rw-------", permissions(file));
    assertTrue(again.verify("Bearer " + token).isPresent(), "tokens of the first run stay valid");
  }

  private static String permissions(Path file) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }
}
