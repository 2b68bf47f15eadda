package com.tickethub.local.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * moto ({@code moto_server}, Python), a second and independent emulator of DynamoDB and SQS on one port, for
 * TICKETHUB_TEST_BACKEND=moto: it has what dynalite lacks (transactions, TTL, Streams) and was written by
 * other people from the same AWS documentation, so a behaviour that only one emulator has shows up. It runs
 * as a child of a shell that ends it when its stdin closes, so it never outlives this JVM, even after a kill -9.
 */
final class MotoServer implements LocalAws.Endpoints {
  private static final Logger LOG = LoggerFactory.getLogger(MotoServer.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  /** Starts moto in the background, waits for stdin to close, then stops it. */
  private static final String SUPERVISOR = "\"$0\" -H 127.0.0.1 -p \"$1\" & child=$!; cat > /dev/null; kill $child";

  private final Process process;
  private final URI endpoint;

  private MotoServer(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  static MotoServer start() {
    Path executable = executable();
    int port = freePort();
    try {
      Process process = new ProcessBuilder("sh", "-c", SUPERVISOR, executable.toString(), Integer.toString(port))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      URI endpoint = URI.create("http://127.0.0.1:" + port);
      awaitReady(process, endpoint);
      LOG.info("moto_server on {}", endpoint);
      return new MotoServer(process, endpoint);
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + executable, e);
    }
  }

  /** moto_server on PATH, or in the pyenv shims that a non-interactive shell may not have on PATH. */
  private static Path executable() {
    Stream<Path> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(dir -> !dir.isBlank()).map(Path::of);
    Stream<Path> shims = Stream.of(Path.of(System.getProperty("user.home"), ".pyenv", "shims"));
    return Stream.concat(path, shims).map(dir -> dir.resolve("moto_server")).filter(Files::isExecutable).findFirst()
        .orElseThrow(() -> new IllegalStateException("TICKETHUB_TEST_BACKEND=moto needs moto_server, which is neither"
            + " on PATH nor in ~/.pyenv/shims: pip install 'moto[server]'"));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void awaitReady(Process process, URI endpoint) {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("moto_server exited at start (" + process.exitValue() + ")");
      }
      try {
        HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
        connection.setConnectTimeout(500);
        connection.setReadTimeout(2000);
        if (connection.getResponseCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("moto_server did not answer on " + endpoint + " within " + START_TIMEOUT);
  }

  @Override
  public URI dynamo() {
    return endpoint;
  }

  @Override
  public URI sqs() {
    return endpoint;
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "moto_server on " + endpoint;
  }
}
