package com.tickethub.local.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dynalite (the npm package pinned in package.json) as a child process on a free loopback port.
 * In memory without a data folder, on LevelDB files inside it otherwise. The child exits when its
 * stdin closes, so it never outlives this JVM, even after a kill -9.
 */
public final class Dynalite implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dynalite.class);

  private static final String LAUNCHER = String.join("\n",
      "const path = process.argv[1] || undefined;",
      "const server = require('dynalite')({path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0});",
      "server.listen(0, '127.0.0.1', () => console.log('listening ' + server.address().port));",
      "process.stdin.on('end', () => process.exit(0));",
      "process.stdin.resume();");

  private final Process process;
  private final URI endpoint;

  private Dynalite(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  public static Dynalite start(Path root, Path dataDir) {
    Path module = root.resolve("node_modules").resolve("dynalite");
    if (!Files.isDirectory(module)) {
      throw new IllegalStateException("dynalite is not installed in " + root
          + ": run the Maven build (it runs npm install) or `npm install` there");
    }
    List<String> command = new ArrayList<>(List.of("node", "-e", LAUNCHER));
    if (dataDir != null) {
      try {
        Files.createDirectories(dataDir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
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
      URI endpoint = URI.create("http://127.0.0.1:" + line.substring("listening ".length()).trim());
      Thread drain = new Thread(() -> out.lines().forEach(l -> LOG.debug("dynalite: {}", l)), "dynalite-out");
      drain.setDaemon(true);
      drain.start();
      LOG.info("dynalite on {} ({})", endpoint, dataDir == null ? "in memory" : dataDir);
      return new Dynalite(process, endpoint);
    } catch (IOException e) {
      throw new UncheckedIOException("could not run node: is Node.js installed?", e);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
