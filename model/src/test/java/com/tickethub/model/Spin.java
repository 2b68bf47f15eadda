package com.tickethub.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one scenario of a Promela model the way model/README.md does by hand: {@code spin -a} writes the
 * verifier (pan.c), gcc builds it for safety properties (with lossless state-vector compression), {@code ./pan} explores
 * every interleaving, and a violation's trail is replayed with {@code spin -t}.
 */
final class Spin {
  /** Far beyond the models' deepest path (a few hundred steps): a search cut short by depth would be reported. */
  private static final int MAX_DEPTH = 100_000;
  private static final long TIMEOUT_MINUTES = 10;
  private static final Pattern ERRORS = Pattern.compile("errors: (\\d+)");
  private static final Pattern STORED = Pattern.compile("(\\d+) states, stored");
  private static final Pattern ELAPSED = Pattern.compile("pan: elapsed time ([\\d.e+]+) seconds");
  private static final Pattern FAILED = Pattern.compile("text of failed assertion: (.*)");

  /** What one run of the verifier found. */
  record Result(String scenario, int errors, long statesStored, String seconds, String output, String failedAssertion) {
    boolean complete() {
      return !output.contains("max search depth too small") && !output.contains("search was not completed")
          && !output.contains("Search not completed");
    }
  }

  private Spin() {}

  /** Fails, naming the Debian package, when spin or gcc is missing: the model check is part of the build. */
  static void requireTools() {
    for (String[] tool : new String[][] {{"spin", "spin"}, {"gcc", "gcc"}}) {
      if (!onPath(tool[0])) {
        fail(tool[0] + " is not installed: the model check needs it (apt-get install " + tool[1]
            + "; .ci/run installs it)");
      }
    }
  }

  /** Runs the model with {@code -D<scenario>} (and any more defines) in {@code dir}. */
  static Result check(String model, String scenario, Path dir, String... defines) throws Exception {
    long started = System.nanoTime();
    Path source = Path.of(System.getProperty("tickethub.model.dir", ".")).resolve(model);
    Files.copy(source, dir.resolve(model));
    List<String> flags = new ArrayList<>();
    flags.add("-D" + scenario);
    for (String define : defines) {
      flags.add("-D" + define);
    }
    List<String> generate = new ArrayList<>(List.of("spin", "-a"));
    generate.addAll(flags);
    generate.add(model);
    run(dir, generate);
    // -O0: gcc -O2 spends about 30 s CPU on a pan.c of this size, -O0 4 s, for a search about twice as slow:
    // the cheaper of the two for every scenario's search here (model/README.md).
    run(dir, List.of("gcc", "-O0", "-DSAFETY", "-DCOLLAPSE", "-o", "pan", "pan.c"));
    String output = run(dir, List.of("./pan", "-m" + MAX_DEPTH));
    int errors = Integer.parseInt(find(ERRORS, output, "errors"));
    String failed = null;
    if (errors > 0) {
      Path trail = dir.resolve(model + ".trail");
      assertTrue(Files.exists(trail), "pan reported " + errors + " error(s) but wrote no trail:\n" + output);
      List<String> replay = new ArrayList<>(List.of("spin", "-t"));
      replay.addAll(flags);
      replay.add(model);
      failed = find(FAILED, run(dir, replay), "the failed assertion of the replayed trail");
    }
    Result result = new Result(scenario, errors, Long.parseLong(find(STORED, output, "states stored")),
        find(ELAPSED, output, "elapsed time"), output, failed);
    System.out.printf("spin %s -D%s%s: %,d states stored, search %s s (spin, gcc and search %.1f s), errors: %d%s%n",
        model, scenario, defines.length == 0 ? "" : " -D" + String.join(" -D", defines), result.statesStored(),
        result.seconds(), (System.nanoTime() - started) / 1e9, errors, failed == null ? "" : " (" + failed + ")");
    return result;
  }

  /** Asserts that spin found no violation and explored the whole state space. */
  static void assertHolds(Result result) {
    assertEquals(0, result.errors(), "spin found a violation in " + result.scenario() + ":\n" + result.output());
    assertTrue(result.complete(), "the search of " + result.scenario() + " was cut short:\n" + result.output());
  }

  /** Asserts that spin found a counterexample violating {@code assertion} (its trail replays to it). */
  static void assertViolates(Result result, String assertion) {
    assertTrue(result.errors() > 0, "spin found no counterexample in " + result.scenario() + ":\n" + result.output());
    assertEquals("assert(" + assertion + ")", result.failedAssertion(), result.output());
  }

  private static String run(Path dir, List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " did not finish in " + TIMEOUT_MINUTES + " minutes");
    }
    String output = new String(out, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
    return output;
  }

  private static String find(Pattern pattern, String output, String what) {
    Matcher matcher = pattern.matcher(output);
    if (!matcher.find()) {
      fail("no " + what + " in:\n" + output);
    }
    return matcher.group(1);
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
