package com.tickethub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tickethub.local.server.Invoke;
import com.tickethub.local.server.LocalSecrets;
import com.tickethub.local.server.TemplateFunction;
import com.tickethub.local.stack.LocalAws;
import com.tickethub.local.stack.ProjectRoot;
import com.tickethub.local.stack.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * For each function of template.yaml: a fresh JVM on its own shaded jar answering its sample event from
 * events/, started exactly as {@code ./run invoke} starts it ({@link Invoke#command}) against one
 * in-memory dynalite + ElasticMQ. Wall time of the whole process and its peak RSS (from
 * {@code /usr/bin/time -v}, else VmRSS sampled every 20 ms), median of the runs.
 */
final class ColdStartBench {
  private static final Path TIME = Path.of("/usr/bin/time");
  private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Run(long wallMillis, long peakRssKb, int exitStatus, String answer) {}

  private ColdStartBench() {}

  static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path root = ProjectRoot.find();
    Template template = Template.read(root.resolve("template.yaml"));
    Path work = Files.createTempDirectory("tickethub-bench-");
    boolean timeTool = Files.isExecutable(TIME);
    System.out.printf("java %s, %d cores, %d runs each, peak RSS from %s%n%n", Runtime.version(),
        Runtime.getRuntime().availableProcessors(), runs, timeTool ? "/usr/bin/time -v" : "VmRSS sampled every 20 ms");
    System.out.println("| function | jar (MB) | event | answer | wall ms, median (min-max) | peak RSS MB, median |");
    System.out.println("|---|---:|---|---|---:|---:|");
    try (LocalAws aws = LocalAws.start(template, null, false)) {
      LocalSecrets.fill(aws, work, System.getenv());
      for (TemplateFunction function : TemplateFunction.all(template)) {
        Path event = sampleEvent(root, function.moduleName());
        List<Run> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          ProcessBuilder process = Invoke.command(root, aws, function, event, Map.of());
          results.add(run(process, work, timeTool));
        }
        List<Long> walls = results.stream().map(Run::wallMillis).sorted().toList();
        List<Long> rss = results.stream().map(Run::peakRssKb).sorted().toList();
        Run last = results.get(results.size() - 1);
        System.out.printf("| %s | %.1f | %s | %s | %d (%d-%d) | %d |%n", function.logicalId(),
            Files.size(function.jar(root)) / 1e6, event.getFileName(),
            last.exitStatus() == 0 ? last.answer() : "exit " + last.exitStatus(),
            walls.get(walls.size() / 2), walls.get(0), walls.get(walls.size() - 1), rss.get(rss.size() / 2) / 1024);
      }
    }
  }

  /** {@code events/<module>.json}, or else the first {@code events/<module>-<case>.json}. */
  private static Path sampleEvent(Path root, String module) throws IOException {
    Path exact = root.resolve("events").resolve(module + ".json");
    if (Files.isRegularFile(exact)) {
      return exact;
    }
    try (Stream<Path> files = Files.list(root.resolve("events"))) {
      return files.filter(f -> f.getFileName().toString().startsWith(module + "-")).sorted().findFirst()
          .orElseThrow(() -> new IllegalStateException("No sample event for " + module + " in events/"));
    }
  }

  private static Run run(ProcessBuilder process, Path work, boolean timeTool) throws Exception {
    Path out = work.resolve("stdout.json");
    Path rssReport = work.resolve("time.txt");
    if (timeTool) {
      List<String> command = new ArrayList<>(List.of(TIME.toString(), "-v", "-o", rssReport.toString()));
      command.addAll(process.command());
      process.command(command);
    }
    process.redirectOutput(out.toFile()).redirectError(work.resolve("stderr.txt").toFile());
    long start = System.nanoTime();
    Process p = process.start();
    long sampledPeakKb = timeTool ? 0 : sampleRss(p);
    int status = p.waitFor();
    long wallMillis = (System.nanoTime() - start) / 1_000_000;
    long peakKb = sampledPeakKb;
    if (timeTool) {
      Matcher m = MAX_RSS.matcher(Files.readString(rssReport));
      peakKb = m.find() ? Long.parseLong(m.group(1)) : -1;
    }
    return new Run(wallMillis, peakKb, status, answer(Files.readString(out)));
  }

  /** What the handler answered: an HTTP status, a batch's failures, or "ok". */
  private static String answer(String stdout) {
    try {
      JsonNode result = JSON.readTree(stdout);
      if (result != null && result.has("statusCode")) {
        return "HTTP " + result.get("statusCode").asInt();
      }
      if (result != null && result.has("batchItemFailures")) {
        return result.get("batchItemFailures").size() + " batch failures";
      }
      return "ok";
    } catch (IOException e) {
      return "ok (not JSON)";
    }
  }

  /** The highest VmRSS of the process, read every 20 ms until it exits. */
  private static long sampleRss(Process p) throws InterruptedException {
    Path status = Path.of("/proc", String.valueOf(p.pid()), "status");
    long peak = 0;
    while (p.isAlive()) {
      try {
        for (String line : Files.readAllLines(status)) {
          if (line.startsWith("VmRSS:")) {
            peak = Math.max(peak, Long.parseLong(line.replaceAll("\\D", "")));
          }
        }
      } catch (IOException | NumberFormatException e) {
        // the process ended between isAlive and the read
      }
      Thread.sleep(20);
    }
    return peak;
  }
}
