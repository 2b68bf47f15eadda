package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.tickets.TicketKeyRing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local ticket key ring: made on first use, readable by its owner only, the same ring afterwards. */
class TicketKeyFileTest {

  @Test
  void keyFileIsCreatedOnFirstUseOwnerOnlyAndReadTheSameAfterwards(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("data/ticket-keys.json");

    TicketKeyRing first = TicketKeyFile.loadOrCreate(file);
    TicketKeyRing again = TicketKeyFile.loadOrCreate(file);

    assertTrue(Files.exists(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(first.activeKeyId(), again.activeKeyId());
    assertEquals(first.toJson(), again.toJson());
  }
}
