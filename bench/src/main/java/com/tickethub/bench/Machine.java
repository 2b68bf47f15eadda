package com.tickethub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the machine was doing while a benchmark ran: the 1-minute load average (other builds share the cores). */
final class Machine {
  private Machine() {}

  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static String describe() {
    return String.format("java %s, %d cores, load average %.1f", Runtime.version(),
        Runtime.getRuntime().availableProcessors(), loadAverage());
  }
}
