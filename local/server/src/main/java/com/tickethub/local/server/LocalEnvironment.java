package com.tickethub.local.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The variables every function gets locally on top of its template environment, standing in for what
 * the cloud deployment takes from elsewhere (the Stripe endpoint secret, the ticket signing key).
 */
public final class LocalEnvironment {
  public static final String STRIPE_WEBHOOK_SECRET = "STRIPE_WEBHOOK_SECRET";
  public static final String TICKET_KEYS_FILE = "TICKET_KEYS_FILE";
  public static final String DEFAULT_WEBHOOK_SECRET = "whsec_local_dev";
  public static final List<String> NAMES = List.of(STRIPE_WEBHOOK_SECRET, TICKET_KEYS_FILE);

  private LocalEnvironment() {}

  /** A throwaway data folder for an in-memory run, removed when the JVM exits. */
  public static Path scratchFolder() {
    try {
      Path folder = Files.createTempDirectory("tickethub-local-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder), "scratch-folder-cleanup"));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // a leftover in the system's temp folder, nothing more
    }
  }

  /**
   * @param dataFolder where the ticket keys file lives (created by the function on first use)
   * @param serverEnvironment the local server's own environment, which may set the webhook secret
   */
  public static Map<String, String> of(Path dataFolder, Map<String, String> serverEnvironment) {
    return Map.of(
        STRIPE_WEBHOOK_SECRET, serverEnvironment.getOrDefault(STRIPE_WEBHOOK_SECRET, DEFAULT_WEBHOOK_SECRET),
        TICKET_KEYS_FILE, dataFolder.resolve("ticket-keys.json").toAbsolutePath().toString());
  }
}
