package com.tickethub.local.server;

import com.tickethub.local.stack.ProjectRoot;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A command-line checker the machines carry in their pyenv Python (cfn-lint, openapi-spec-validator), found
 * on PATH or in {@code ~/.pyenv/shims} (which a non-interactive shell, such as CI's, may not have on PATH).
 * A missing tool fails the test that needs it, naming the tool: a check that silently skips checks nothing.
 */
record ExternalTool(Path executable) {

  record Run(int exitCode, String output) {}

  static ExternalTool require(String name) {
    Stream<Path> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(dir -> !dir.isBlank()).map(Path::of);
    Stream<Path> shims = Stream.of(Path.of(System.getProperty("user.home"), ".pyenv", "shims"));
    Optional<Path> found = Stream.concat(path, shims).map(dir -> dir.resolve(name))
        .filter(Files::isExecutable).findFirst();
    return new ExternalTool(found.orElseThrow(() -> new AssertionError(name + " is not installed: it was looked"
        + " for on PATH and in ~/.pyenv/shims (machines of this kind have it in the pyenv Python;"
        + " elsewhere `pip install " + name + "`)")));
  }

  /** Runs the tool in the project's top folder with {@code arguments}, its output and errors merged. */
  Run run(String... arguments) {
    List<String> command = new ArrayList<>(List.of(executable.toString()));
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).directory(ProjectRoot.find().toFile())
          .redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(executable + " did not finish in 5 minutes");
      }
      return new Run(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
