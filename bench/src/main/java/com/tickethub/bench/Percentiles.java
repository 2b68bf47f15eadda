package com.tickethub.bench;

import java.util.List;

/** Nearest-rank percentiles of sorted latencies, in milliseconds (0 for no samples). */
final class Percentiles {
  private Percentiles() {}

  static double millis(List<Long> sortedNanos, int p) {
    if (sortedNanos.isEmpty()) {
      return 0;
    }
    return sortedNanos.get(Math.max(0, (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1)) / 1e6;
  }
}
