package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.local.stack.ProjectRoot;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server's command line, run as a user runs it (its main in a fresh JVM): help is answered, and a
 * mistake the user can fix is named at once with exit status 2, before the emulators start (seconds).
 */
class CommandLineTest {
  /** A JVM starting and exiting; the emulators and functions alone take longer than this. */
  private static final Duration AT_ONCE = Duration.ofSeconds(5);

  private record Run(int status, String out, String err, Duration took) {}

  @Test
  void helpPrintsTheUsage() throws Exception {
    Run run = run("--help");

    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().startsWith("usage: tickethub-local"), run.out());
  }

  @Test
  void portThatIsNotANumberIsNamedAtOnce() throws Exception {
    Run run = run("--port", "abc");

    assertEquals(2, run.status());
    assertTrue(run.err().startsWith("--port takes a port number from 0 to 65535, not \"abc\""), run.err());
    assertTrue(run.took().compareTo(AT_ONCE) < 0, "took " + run.took());
  }

  @Test
  void takenPortIsNamedAtOnce() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = taken.getLocalPort();

      Run run = run("--port", Integer.toString(port), "--in-memory");

      assertEquals(2, run.status());
      assertTrue(run.err().startsWith("Port " + port + " is in use"), run.err());
      assertTrue(run.took().compareTo(AT_ONCE) < 0, "took " + run.took());
    }
  }

  @Test
  void unknownOptionIsNamedAtOnce() throws Exception {
    Run run = run("--in-memroy");

    assertEquals(2, run.status());
    assertTrue(run.err().startsWith("Unknown option --in-memroy"), run.err());
    assertTrue(run.err().contains("usage:"), run.err());
    assertTrue(run.took().compareTo(AT_ONCE) < 0, "took " + run.took());
  }

  private static Run run(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), LocalServer.class.getName()));
    command.addAll(List.of(args));
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).directory(ProjectRoot.find().toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("still running after 60 s: " + String.join(" ", args));
    }
    return new Run(process.exitValue(), out, err, Duration.ofNanos(System.nanoTime() - started));
  }
}
