package com.tickethub.local.server;

import com.tickethub.tickets.TicketKeyRing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The local ticket key ring, kept in the data folder and created with a fresh key on first use (0600); the
 * local server puts it into the template's TicketKeysSecret in the Secrets Manager stand-in at each start.
 */
public final class TicketKeyFile {
  private TicketKeyFile() {}

  /**
   * The ring in {@code file}; when there is none, a new one written there first. Several JVMs starting
   * at once (the local server and an {@code invoke}) agree on one ring: the ring is written to a
   * temporary file and hard-linked into place, which fails if another process got there first, and
   * then whatever ring is in place is read.
   */
  public static TicketKeyRing loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      return TicketKeyRing.fromJson(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the ticket key file " + file, e);
    }
  }

  private static void create(Path file) throws IOException {
    Path temp = temporary(file, TicketKeyRing.generate());
    try {
      Files.createLink(file, temp);
    } catch (FileAlreadyExistsException anotherProcessWasFirst) {
      // keep theirs
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Path temporary(Path file, TicketKeyRing ring) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, ".ticket-keys", ".tmp");
    try {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the folder's own permissions apply
    }
    Files.writeString(temp, ring.toJson(), StandardCharsets.UTF_8);
    return temp;
  }
}
