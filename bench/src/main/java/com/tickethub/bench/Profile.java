package com.tickethub.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The top frames of a JFR recording's CPU samples ({@code jdk.ExecutionSample}): where the server's threads were
 * running (the top of each stack, "self"), and which of our own methods those samples were under (the first
 * {@code com.tickethub} frame from the top, "ours").
 */
final class Profile {
  private Profile() {}

  static String summary(Path recording, int rows) throws IOException {
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> ours = new HashMap<>();
    Map<String, Integer> threads = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = stack.getFrames();
      self.merge(name(frames.get(0)), 1, Integer::sum);
      String own = frames.stream().map(Profile::name).filter(n -> n.startsWith("com.tickethub.")).findFirst()
          .orElse("(no com.tickethub frame: " + area(frames) + ")");
      ours.merge(own, 1, Integer::sum);
      String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
      threads.merge(thread == null ? "?" : thread.replaceAll("[-#]?\\d+$", "-N"), 1, Integer::sum);
    }
    StringBuilder out = new StringBuilder(String.format("%d CPU samples%n%n", samples));
    table(out, "top of stack (self)", self, samples, rows);
    table(out, "first com.tickethub frame (inclusive)", ours, samples, rows);
    table(out, "thread", threads, samples, 8);
    return out.toString();
  }

  private static String area(List<RecordedFrame> frames) {
    String top = frames.get(frames.size() - 1).getMethod().getType().getName();
    String[] parts = top.split("\\.");
    return parts.length > 2 ? parts[0] + "." + parts[1] + "." + parts[2] : top;
  }

  private static void table(StringBuilder out, String title, Map<String, Integer> counts, int samples, int rows) {
    out.append("| ").append(title).append(" | samples | % |\n|---|---:|---:|\n");
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(rows)
        .forEach(e -> out.append(String.format("| `%s` | %d | %.1f |%n", e.getKey(), e.getValue(),
            100.0 * e.getValue() / Math.max(1, samples))));
    out.append('\n');
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }
}
