package com.tickethub.local.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's top folder (the one with template.yaml and package.json) from the working directory. */
public final class ProjectRoot {
  private ProjectRoot() {}

  public static Path find() {
    String explicit = System.getProperty("tickethub.root", System.getenv("TICKETHUB_ROOT"));
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("package.json"))) {
        return dir;
      }
    }
    throw new IllegalStateException("No template.yaml with package.json found above " + Path.of("").toAbsolutePath()
        + "; run from inside the project or set TICKETHUB_ROOT");
  }
}
