package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.local.stack.ProjectRoot;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walkthrough is scripts/walkthrough.sh, word for word, and it runs green twice in a row
 * against one server (it checks every answer itself). Needs bash, curl and jq on the PATH.
 */
class WalkthroughTest {
  private static final String MARKER = "# --- walkthrough ---\n";
  private final Path root = ProjectRoot.find();

  @TempDir
  Path work;

  @Test
  void readmeShowsTheScriptAsItIs() throws IOException {
    String script = Files.readString(root.resolve("scripts/walkthrough.sh"));
    String readme = Files.readString(root.resolve("README.md"));
    String walkthrough = script.substring(script.indexOf(MARKER) + MARKER.length());

    assertTrue(readme.contains("```bash\n" + walkthrough + "```\n"),
        "README.md's walkthrough block differs from scripts/walkthrough.sh after its marker line");
  }

  @Test
  void scriptRunsTwiceInARowAgainstOneServer() throws Exception {
    requireTools("bash", "curl", "jq");
    String base = TestServer.get().baseUri().toString();

    assertRunsGreen(base, "first run");
    assertRunsGreen(base, "second run");
  }

  private void assertRunsGreen(String base, String which) throws Exception {
    Path log = work.resolve(which.replace(' ', '-') + ".log");
    Process process = new ProcessBuilder("bash", root.resolve("scripts/walkthrough.sh").toString(), base)
        .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), which + " ends within 2 minutes");
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), which + " failed:\n" + output);
    assertTrue(output.contains("\"result\":\"ALREADY_USED\""), output);
  }

  private static void requireTools(String... tools) throws Exception {
    for (String tool : tools) {
      Process which = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
      if (which.waitFor() != 0) {
        throw new AssertionError("The walkthrough test needs " + tool + " on the PATH (apt-get install " + tool + ")");
      }
    }
  }
}
