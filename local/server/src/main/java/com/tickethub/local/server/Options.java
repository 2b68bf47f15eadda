package com.tickethub.local.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of the local server and of {@code invoke}.
 *
 * @param template the SAM template whose functions are served
 * @param dataDir the data folder; null keeps everything in memory (lost on exit)
 * @param parameters template parameter overrides
 * @param firstRateDelay when rate schedules fire first; null for one period, as EventBridge does
 * @param arguments what is left after the options ({@code invoke}'s function and {@code -e} file)
 */
public record Options(Path root, Path template, int port, Path dataDir, Map<String, String> parameters, Duration firstRateDelay,
    List<String> arguments) {

  public static final String USAGE = String.join("\n",
      "usage: tickethub-local [--port N] [--data DIR | --in-memory] [--parameter-overrides K=V,...] [--help]",
      "       tickethub-local invoke <FunctionLogicalId> -e events/<file>.json [--data DIR | --in-memory]",
      "                       [--parameter-overrides K=V,...]",
      "Serves the HTTP API of template.yaml on port 3000 (or --port, or $PORT) with its data in .tickethub/.");

  public static Options parse(Path root, Map<String, String> environment, List<String> args) {
    int port = port(environment.getOrDefault("PORT", "3000"), "PORT");
    Path data = root.resolve(".tickethub");
    Map<String, String> parameters = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--port" -> port = port(value(args, ++i, arg), arg);
        case "--data" -> data = Path.of(value(args, ++i, arg)).toAbsolutePath();
        case "--in-memory" -> data = null;
        case "--parameter-overrides" -> parameters.putAll(overrides(value(args, ++i, arg)));
        default -> {
          boolean invoke = !rest.isEmpty() && rest.get(0).equals("invoke");
          if (arg.startsWith("-") && !(invoke && (arg.equals("-e") || arg.equals("--event")))) {
            throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
          }
          rest.add(arg);
        }
      }
    }
    return new Options(root, root.resolve("template.yaml"), port, data, parameters, null, List.copyOf(rest));
  }

  /** For tests: in memory, on a free port. */
  public static Options inMemory(Path root) {
    return new Options(root, root.resolve("template.yaml"), 0, null, Map.of(), null, List.of());
  }

  public Options withFirstRateDelay(Duration delay) {
    return new Options(root, template, port, dataDir, parameters, delay, arguments);
  }

  public Options withPort(int otherPort) {
    return new Options(root, template, otherPort, dataDir, parameters, firstRateDelay, arguments);
  }

  public Options withTemplate(Path otherTemplate) {
    return new Options(root, otherTemplate, port, dataDir, parameters, firstRateDelay, arguments);
  }

  /** Where dynalite keeps its tables inside the data folder. */
  public Path dynamoDir() {
    return dataDir == null ? null : dataDir.resolve("dynamodb");
  }

  /**
   * Fails when another process (a running local server) has the data folder open: dynalite keeps a
   * LevelDB lock on it, and a second dynalite on the same folder would leave every request hanging.
   */
  public void requireUnusedDataFolder() {
    Path lock = dynamoDir() == null ? null : dynamoDir().resolve("LOCK");
    if (lock == null || !Files.exists(lock)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE); FileLock held = channel.tryLock()) {
      if (held == null) {
        throw inUse();
      }
    } catch (OverlappingFileLockException e) {
      throw inUse();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private IllegalStateException inUse() {
    return new IllegalStateException("The data folder " + dataDir + " is in use by a running local server: stop it, "
        + "or use --in-memory or another --data folder");
  }

  /** True when the command line asks for the usage, wherever it does. */
  public static boolean asksForHelp(List<String> args) {
    return args.contains("--help") || args.contains("-h");
  }

  /**
   * Fails at once, before anything slow starts, when the port is taken (the server binds it again a
   * moment later; a port taken in between still fails then, with the same message).
   */
  public void requireFreePort() {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw portInUse(port);
    }
  }

  static IllegalStateException portInUse(int port) {
    return new IllegalStateException("Port " + port + " is in use: stop what listens there, or choose another with"
        + " --port N (or PORT=N)");
  }

  private static int port(String text, String option) {
    try {
      int port = Integer.parseInt(text.trim());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " takes a port number from 0 to 65535, not \"" + text + "\"\n" + USAGE);
  }

  private static Map<String, String> overrides(String text) {
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String pair : text.split("[,\\s]+")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--parameter-overrides takes Key=Value pairs, not " + pair);
      }
      overrides.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return overrides;
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return args.get(i);
  }
}
