package com.tickethub.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/** The local stand-in for a secret of the cloud: a file in the data folder, created on first use. */
public final class LocalSecretFile {
  private LocalSecretFile() {}

  /**
   * The text in {@code file}; when there is none, {@code fresh} written there first. Several JVMs starting
   * at once (the local server and an {@code invoke}) agree on one value: it is written to a temporary file
   * and hard-linked into place, which fails if another process got there first, and then whatever is in
   * place is read.
   */
  public static String loadOrCreate(Path file, Supplier<String> fresh) {
    try {
      if (!Files.exists(file)) {
        create(file, fresh.get());
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the secret file " + file, e);
    }
  }

  private static void create(Path file, String content) throws IOException {
    Path temp = temporary(file, content);
    try {
      Files.createLink(file, temp);
    } catch (FileAlreadyExistsException anotherProcessWasFirst) {
      // keep theirs
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Path temporary(Path file, String content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the folder's own permissions apply
    }
    Files.writeString(temp, content, StandardCharsets.UTF_8);
    return temp;
  }
}
