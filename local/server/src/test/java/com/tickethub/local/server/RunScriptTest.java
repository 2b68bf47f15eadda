package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tickethub.local.stack.ProjectRoot;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run} builds only when a source changed since the jars were built: run on a copy of the script in a
 * small project tree, with {@code mvn} and {@code java} stand-ins on the PATH that record their calls.
 */
class RunScriptTest {
  private static final Instant BUILT = Instant.parse("2026-11-30T10:00:00Z");

  @TempDir
  Path project;
  private Path calls;

  @BeforeEach
  void projectWithBuiltJars() throws IOException {
    Files.copy(ProjectRoot.find().resolve("run"), project.resolve("run"), StandardCopyOption.COPY_ATTRIBUTES);
    write("template.yaml", "Resources:\n  F:\n    Properties:\n      CodeUri: functions/f/target/f.jar\n");
    write("pom.xml", "<project/>");
    write("package.json", "{}");
    write("package-lock.json", "{}");
    write("functions/f/pom.xml", "<project/>");
    write("functions/f/src/main/java/F.java", "class F {}");
    Files.createDirectories(project.resolve("node_modules/dynalite"));
    calls = project.resolve("calls.log");
    tool("mvn");
    tool("java");
    try (var files = Files.walk(project)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(file, FileTime.from(BUILT.minusSeconds(60)));
      }
    }
    jar("functions/f/target/f.jar");
    jar("local/server/target/tickethub-local.jar");
  }

  @Test
  void upToDateJarsStartWithoutABuild() throws Exception {
    run("--in-memory");

    assertEquals(List.of("java -jar local/server/target/tickethub-local.jar --in-memory"), Files.readAllLines(calls));
  }

  @Test
  void aSourceChangedAfterTheBuildIsBuiltFirst() throws Exception {
    Files.setLastModifiedTime(project.resolve("functions/f/src/main/java/F.java"), FileTime.from(BUILT.plusSeconds(5)));

    run("--in-memory");

    assertEquals(List.of("mvn -q -B -DskipTests package",
        "java -jar local/server/target/tickethub-local.jar --in-memory"), Files.readAllLines(calls));
  }

  @Test
  void aMissingFunctionJarIsBuilt() throws Exception {
    Files.delete(project.resolve("functions/f/target/f.jar"));

    run();

    assertEquals("mvn -q -B -DskipTests package", Files.readAllLines(calls).get(0));
  }

  private void run(String... args) throws Exception {
    String path = project.resolve("bin") + File.pathSeparator + System.getenv("PATH");
    ProcessBuilder builder = new ProcessBuilder(concat(project.resolve("run").toString(), args))
        .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("PATH", path);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(30, TimeUnit.SECONDS);
    assertEquals(0, process.exitValue(), output);
  }

  private static String[] concat(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private void write(String file, String text) throws IOException {
    Files.createDirectories(project.resolve(file).getParent());
    Files.writeString(project.resolve(file), text);
  }

  private void jar(String file) throws IOException {
    write(file, "jar");
    Files.setLastModifiedTime(project.resolve(file), FileTime.from(BUILT));
  }

  /** A command that records how it was called and succeeds. */
  private void tool(String name) throws IOException {
    Path tool = project.resolve("bin").resolve(name);
    write("bin/" + name, "#!/bin/sh\necho \"" + name + " $*\" >> '" + calls + "'\n");
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
