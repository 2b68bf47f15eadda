package com.tickethub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.local.invoke.ColdStartProbe;
import com.tickethub.local.server.Invoke;
import com.tickethub.local.server.LocalServer;
import com.tickethub.local.server.Options;
import com.tickethub.local.server.SampleWorld;
import com.tickethub.local.server.TemplateFunction;
import com.tickethub.local.stack.LocalAws;
import com.tickethub.local.stack.LocalStripe;
import com.tickethub.local.stack.ProjectRoot;
import com.tickethub.local.stack.Template;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * For each function of template.yaml, fresh JVMs on its own shaded jar ({@link ColdStartProbe}, with the function's
 * template environment and {@code AWS_LAMBDA_FUNCTION_NAME} set, as in Lambda), against the stack of one in-memory
 * local server: init (JVM start to handler built), then 10 invocations of its sample event from events/, filled from
 * a fresh {@link SampleWorld} per JVM so that the function does its real work (an existing event, order or ticket;
 * each invocation with its own Idempotency-Key and Stripe event id, so that a purchase's tenth is a purchase, not a
 * replay; a scan's tenth is ALREADY_USED), without
 * priming and with it (the {@code Priming} steps run in-process where SnapStart would run them before its snapshot,
 * timed apart). The baseline row is a JVM that builds one DynamoDB client and answers one GetItem, run before the
 * functions and once beside each. Medians of the runs; peak RSS of the primed JVM from {@code /usr/bin/time -v}.
 */
final class ColdStartBench {
  private static final Path TIME = Path.of("/usr/bin/time");
  private static final int INVOCATIONS = 10;

  private record Run(double initMs, double primeMs, double firstMs, double tenthMs, long rssKb, String answer) {}

  /** One function's medians, unprimed and primed, printed once the whole run's baseline is known. */
  private record Measured(TemplateFunction function, Run cold, Run primed) {}

  private ColdStartBench() {}

  static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    List<String> only = args.length > 1 ? List.of(args[1].split(",")) : List.of();
    Path root = ProjectRoot.find();
    Template template = Template.read(root.resolve("template.yaml"));
    Path work = Files.createTempDirectory("tickethub-bench-");
    System.out.printf("%s; %d runs each (median); %d invocations per JVM%n%n", Machine.describe(), runs, INVOCATIONS);
    System.out.println("| function | jar MB | init ms | unprimed: 1st ms | unprimed: 10th ms | priming ms (before the "
        + "snapshot) | primed: 1st ms | primed: 10th ms | primed 1st / 10th | init + primed 1st, x baseline | "
        + "peak RSS MB |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    try (LocalServer server = LocalServer.start(Options.inMemory(root), Map.of())) {
      LocalAws aws = server.aws();
      Samples samples = new Samples(server, root, work);
      List<TemplateFunction> functions = TemplateFunction.all(template);
      TemplateFunction any = functions.get(0);
      Probe baselineProbe = () -> probe(root, aws, any, List.of(sampleEvent(root, any.moduleName())), work,
          List.of("--baseline"));
      baselineProbe.run(); // a discarded warm-up: the baseline should not carry the run's first JVM (page cache, server)
      List<Run> baselines = repeat(runs, baselineProbe);
      List<Measured> measured = new ArrayList<>();
      for (TemplateFunction function : functions) {
        if (!only.isEmpty() && !only.contains(function.logicalId())) {
          continue;
        }
        Path sample = sampleEvent(root, function.moduleName());
        Run cold = median(repeat(runs, () -> probe(root, aws, function, samples.filled(sample), work, List.of())));
        Run primed = median(repeat(runs,
            () -> probe(root, aws, function, samples.filled(sample), work, List.of("--prime"))));
        // The machine's pace drifts during a run (the server's JIT, other work): one baseline JVM beside each
        // function, so that the baseline is the median over the whole run and not of its first minute.
        baselines.add(baselineProbe.run());
        measured.add(new Measured(function, cold, primed));
      }
      Run baseline = median(baselines);
      double baselineTotal = baseline.initMs() + baseline.firstMs();
      System.out.printf("| baseline: one DynamoDB client, one GetItem (%d JVMs) | %.1f | %.0f | %.0f | | | | | | 1.00 | %d |%n",
          baselines.size(), Files.size(any.jar(root)) / 1e6, baseline.initMs(), baseline.firstMs(),
          baseline.rssKb() / 1024);
      for (Measured m : measured) {
        Run primed = m.primed();
        System.out.printf("| %s (%s) | %.1f | %.0f | %.0f | %.1f | %.0f | %.1f | %.1f | %.1f | %.2f | %d |%n",
            m.function().logicalId(), primed.answer(), Files.size(m.function().jar(root)) / 1e6, primed.initMs(),
            m.cold().firstMs(), m.cold().tenthMs(), primed.primeMs(), primed.firstMs(), primed.tenthMs(),
            primed.firstMs() / Math.max(0.1, primed.tenthMs()), (primed.initMs() + primed.firstMs()) / baselineTotal,
            primed.rssKb() / 1024);
      }
    }
  }

  interface Probe {
    Run run() throws Exception;
  }

  private static List<Run> repeat(int runs, Probe probe) throws Exception {
    List<Run> all = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      all.add(probe.run());
    }
    return all;
  }

  private static Run median(List<Run> all) {
    return new Run(mid(all, Run::initMs), mid(all, Run::primeMs), mid(all, Run::firstMs), mid(all, Run::tenthMs),
        (long) mid(all, r -> (double) r.rssKb()), all.get(all.size() - 1).answer());
  }

  private static double mid(List<Run> runs, Function<Run, Double> value) {
    List<Double> sorted = runs.stream().map(value).sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  /**
   * The function's sample event with what it names made anew on the server (one world per JVM), filled once per
   * invocation: each gets a fresh Idempotency-Key and Stripe event id, so that the tenth does the first's work
   * rather than its replay.
   */
  private record Samples(LocalServer server, Path root, Path work) {
    List<Path> filled(Path sample) throws IOException {
      String text = Files.readString(sample);
      if (!SampleWorld.needed(text)) {
        return List.of(sample);
      }
      SampleWorld world = SampleWorld.seed(server.baseUri(), root, LocalStripe.DEFAULT_WEBHOOK_SECRET);
      List<Path> files = new ArrayList<>();
      for (int i = 0; i < INVOCATIONS; i++) {
        files.add(Files.writeString(work.resolve("sample-" + i + "-" + sample.getFileName()), world.fill(text)));
      }
      return files;
    }
  }

  /**
   * One fresh JVM: {@code ColdStartProbe --baseline}, or on the function's handler and its {@code events} (joined
   * with the path separator, as {@link ColdStartProbe} takes them).
   */
  private static Run probe(Path root, LocalAws aws, TemplateFunction function, List<Path> events, Path work,
      List<String> flags) throws Exception {
    ProcessBuilder process = Invoke.command(root, aws, function, events.get(0), Map.of());
    List<String> command = new ArrayList<>(process.command().subList(0, 3)); // java -cp <runner>:<jar>
    command.add(ColdStartProbe.class.getName());
    if (flags.contains("--baseline")) {
      command.add("--baseline");
    } else {
      command.addAll(List.of(function.handlerClass(),
          events.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
          String.valueOf(INVOCATIONS)));
      command.addAll(flags);
    }
    Path rss = work.resolve("time.txt");
    if (Files.isExecutable(TIME)) {
      command.addAll(0, List.of(TIME.toString(), "-v", "-o", rss.toString()));
    }
    process.command(command);
    process.environment().put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
    Path out = work.resolve("probe.json");
    process.redirectOutput(out.toFile()).redirectError(work.resolve("probe-err.txt").toFile());
    int status = process.start().waitFor();
    String text = Files.readString(out).trim();
    if (status != 0 || text.isEmpty()) {
      throw new IllegalStateException(function.logicalId() + " probe failed (" + status + "): "
          + Files.readString(work.resolve("probe-err.txt")));
    }
    JsonNode result = Api.JSON.readTree(text.substring(text.lastIndexOf('\n') + 1));
    JsonNode times = result.get("invocationsMs");
    long rssKb = 0;
    if (Files.isExecutable(TIME)) {
      var m = java.util.regex.Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)")
          .matcher(Files.readString(rss));
      rssKb = m.find() ? Long.parseLong(m.group(1)) : 0;
    }
    return new Run(result.get("initMs").asDouble(), result.get("primeMs").asDouble(), times.get(0).asDouble(),
        times.get(times.size() - 1).asDouble(), rssKb, result.path("firstAnswer").asText("")
        + ", " + result.path("primingSteps").asInt() + " priming steps");
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
}
