package com.tickethub.local.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dynalite (the npm package pinned in package.json) as a child process on a free loopback port.
 * In memory without a data folder, on LevelDB files inside it otherwise. The child exits when its
 * stdin closes, so it never outlives this JVM, even after a kill -9. Should the child die while it is
 * in use, it is started again on the same port (the functions' SDK clients keep that endpoint), and
 * {@link #available()} is false until it listens again.
 */
public final class Dynalite implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dynalite.class);
  private static final int RESTART_ATTEMPTS = 20;
  private static final Duration RESTART_PAUSE = Duration.ofMillis(250);

  private static final String LAUNCHER = String.join("\n",
      "const port = Number(process.argv[1]);",
      "const path = process.argv[2] || undefined;",
      "const server = require('dynalite')({path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0});",
      "server.on('error', e => { console.log('failed ' + e.message); process.exit(1); });",
      "server.listen(port, '127.0.0.1', () => console.log('listening ' + server.address().port));",
      "process.stdin.on('end', () => process.exit(0));",
      "process.stdin.resume();");

  private final Path root;
  private final Path dataDir;
  private final URI endpoint;
  private volatile Process process;
  private volatile boolean closed;
  /** False from the child's death until its successor listens and {@link #onRestart} has run. */
  private volatile boolean ready = true;
  private volatile Runnable onRestart = () -> { };

  private Dynalite(Path root, Path dataDir, Process process, int port) {
    this.root = root;
    this.dataDir = dataDir;
    this.process = process;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
  }

  public static Dynalite start(Path root, Path dataDir) {
    Path module = root.resolve("node_modules").resolve("dynalite");
    if (!Files.isDirectory(module)) {
      throw new IllegalStateException("dynalite is not installed in " + root
          + ": run the Maven build (it runs npm install) or `npm install` there");
    }
    if (dataDir != null) {
      try {
        Files.createDirectories(dataDir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Launched launched = launch(root, dataDir, 0);
    Dynalite dynalite = new Dynalite(root, dataDir, launched.process(), launched.port());
    dynalite.supervise(launched.process());
    LOG.info("dynalite on {} ({})", dynalite.endpoint, dataDir == null ? "in memory" : dataDir);
    return dynalite;
  }

  private record Launched(Process process, int port) {}

  private static Launched launch(Path root, Path dataDir, int port) {
    List<String> command = new ArrayList<>(List.of("node", "-e", LAUNCHER, Integer.toString(port)));
    if (dataDir != null) {
      command.add(dataDir.toAbsolutePath().toString());
    }
    try {
      Process process = new ProcessBuilder(command).directory(root.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      if (line == null || !line.startsWith("listening ")) {
        process.destroyForcibly();
        throw new IllegalStateException("dynalite did not start: " + line);
      }
      Thread drain = new Thread(() -> out.lines().forEach(l -> LOG.debug("dynalite: {}", l)), "dynalite-out");
      drain.setDaemon(true);
      drain.start();
      return new Launched(process, Integer.parseInt(line.substring("listening ".length()).trim()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not run node: is Node.js installed?", e);
    }
  }

  /** When the child dies and this emulator is still in use, starts it again. */
  private void supervise(Process child) {
    child.onExit().thenRunAsync(() -> {
      if (!closed) {
        ready = false;
        LOG.error("dynalite (pid {}) died with status {}: starting it again on {}", child.pid(), child.exitValue(),
            endpoint);
        restart();
      }
    });
  }

  private void restart() {
    for (int attempt = 1; attempt <= RESTART_ATTEMPTS && !closed; attempt++) {
      try {
        Launched launched = launch(root, dataDir, endpoint.getPort());
        try {
          onRestart.run();
        } catch (RuntimeException e) {
          launched.process().destroyForcibly();
          throw e;
        }
        synchronized (this) {
          if (closed) {
            launched.process().destroyForcibly();
            return;
          }
          process = launched.process();
          ready = true;
        }
        supervise(launched.process());
        LOG.info("dynalite is back on {} ({})", endpoint, dataDir == null ? "in memory: it starts empty" : dataDir);
        return;
      } catch (RuntimeException e) {
        LOG.warn("dynalite restart {} of {} failed: {}", attempt, RESTART_ATTEMPTS, e.getMessage());
        sleep(RESTART_PAUSE.multipliedBy(attempt));
      }
    }
    LOG.error("dynalite could not be started again: restart the local server");
  }

  /** What to do once a restarted dynalite listens, before it counts as available (create the tables again). */
  public void onRestart(Runnable action) {
    this.onRestart = action;
  }

  public URI endpoint() {
    return endpoint;
  }

  /** The process id of the running child, for tests that kill it. */
  public long pid() {
    return process.pid();
  }

  /** False while the child is dead or being started again. */
  public boolean available() {
    return !closed && ready && process.isAlive();
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    Process child;
    synchronized (this) {
      closed = true;
      child = process;
    }
    try {
      child.getOutputStream().close();
      if (!child.waitFor(5, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    } catch (IOException e) {
      child.destroyForcibly();
    } catch (InterruptedException e) {
      child.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
