package com.tickethub.tickets;

import com.tickethub.config.LocalSecretFile;
import java.nio.file.Path;

/** The local stand-in for the secret: a key ring file, created with a fresh key on first use. */
public final class TicketKeyFile {
  private TicketKeyFile() {}

  /** The ring in {@code file}; when there is none, a new one written there first (see {@link LocalSecretFile}). */
  public static TicketKeyRing loadOrCreate(Path file) {
    return TicketKeyRing.fromJson(LocalSecretFile.loadOrCreate(file, () -> TicketKeyRing.generate().toJson()));
  }
}
