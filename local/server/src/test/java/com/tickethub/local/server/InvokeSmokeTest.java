package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.local.stack.LocalStripe;
import com.tickethub.local.stack.ProjectRoot;
import com.tickethub.local.stack.Template;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every function's own shaded jar, run in a fresh JVM by the invoke command with each of its sample
 * events ({@code events/<module>[-case].json}) on a fresh sample world ({@link SampleWorld}): the jar holds
 * every class it needs, the handler does its real work (API functions answer 2xx; the samples of bad input,
 * {@code -missing-...} and {@code -malformed}, a 4xx) and nothing prints a stack trace. Needs the jars: run
 * with {@code mvn verify}.
 */
class InvokeSmokeTest {
  /** Issue 13's budget for the functions that talk to Stripe. */
  static final long STRIPE_JAR_LIMIT = 20_000_000;
  /** Issue 13's budget for the others. */
  static final long PLAIN_JAR_LIMIT = 10_000_000;

  private final Path root = ProjectRoot.find();

  @TestFactory
  Stream<DynamicTest> everyFunctionJarAnswersItsSampleEvents() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (TemplateFunction function : TemplateFunction.all(Template.read(root.resolve("template.yaml")))) {
      List<Path> samples = samples(function);
      tests.add(DynamicTest.dynamicTest(function.logicalId() + " has sample events",
          () -> assertFalse(samples.isEmpty(), "no events/" + function.moduleName() + "[-case].json")));
      for (Path sample : samples) {
        tests.add(DynamicTest.dynamicTest(function.logicalId() + " with " + sample.getFileName(),
            () -> invoke(function, sample)));
      }
    }
    return tests.stream();
  }

  /**
   * The SnapStart priming of each jar, run alone in a fresh JVM as Lambda would run it before its snapshot (the
   * function's environment, {@code AWS_LAMBDA_FUNCTION_NAME} set): every step succeeds and none writes anything.
   */
  @TestFactory
  Stream<DynamicTest> everyFunctionJarPrimesItselfWithoutWriting() {
    return TemplateFunction.all(Template.read(root.resolve("template.yaml"))).stream().map(function ->
        DynamicTest.dynamicTest(function.logicalId() + " priming", () -> {
          long before = items();
          ProcessBuilder process = Invoke.command(root, TestServer.get().aws(), function,
              root.resolve("events/get-event.json"), Map.of());
          process.command(List.of(process.command().get(0), "-cp", process.command().get(2),
              "com.tickethub.local.invoke.ColdStartProbe", function.handlerClass(), root.resolve("events/get-event.json")
                  .toString(), "0", "--prime"));
          process.environment().put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
          Path log = root.resolve("local/server/target/prime-" + function.logicalId() + ".log");
          Process p = process.redirectError(log.toFile()).start();
          String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the priming ends");
          assertEquals(0, p.exitValue(), output + "\nsee " + log);
          assertTrue(TestHttp.JSON.readTree(output).get("primingSteps").asInt() >= 1, output);
          assertFalse(Files.readString(log).contains("Priming step"), "a step failed: see " + log);
          assertEquals(before, items(), "priming wrote nothing");
        }));
  }

  private long items() {
    var dynamo = TestServer.get().aws().dynamo();
    return dynamo.scan(b -> b.tableName("MainTable").select("COUNT")).count()
        + dynamo.scan(b -> b.tableName("IdempotencyTable").select("COUNT")).count();
  }

  /**
   * What each jar may weigh: the ones that carry the Stripe client (they call Stripe's API or take its webhooks) at
   * most {@link #STRIPE_JAR_LIMIT}, the others at most {@link #PLAIN_JAR_LIMIT}; the shade filters and per-function excludes keep
   * them there by leaving out what the function never loads (bench/REPORT.md, "Jars").
   */
  @TestFactory
  Stream<DynamicTest> everyFunctionJarStaysWithinItsSizeBudget() {
    return TemplateFunction.all(Template.read(root.resolve("template.yaml"))).stream().map(function ->
        DynamicTest.dynamicTest(function.logicalId() + " jar size", () -> {
          Path jar = function.jar(root);
          boolean stripe;
          try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            stripe = zip.getEntry("com/tickethub/payments/stripe/StripeApi.class") != null;
          }
          long limit = stripe ? STRIPE_JAR_LIMIT : PLAIN_JAR_LIMIT;
          assertTrue(Files.size(jar) <= limit, jar + " is " + Files.size(jar) + " bytes, over " + limit);
        }));
  }

  private void invoke(TemplateFunction function, Path sample) throws Exception {
    Path log = root.resolve("local/server/target/invoke-" + sample.getFileName() + ".log");
    Process process = Invoke.command(root, TestServer.get().aws(), function, filled(sample), Map.of())
        .redirectError(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the invocation ends");
    assertEquals(0, process.exitValue(), "the handler ran without an error: " + output + "\nsee " + log);
    String errors = Files.readString(log);
    assertFalse(errors.contains("\tat "), "no stack trace in " + log + ":\n" + errors);
    assertFalse(errors.contains("SLF4J"), "the jar logs through its own provider, without SLF4J's warnings: " + errors);
    if (!function.events("HttpApi").isEmpty()) {
      JsonNode response = TestHttp.JSON.readTree(output);
      int status = response.path("statusCode").asInt();
      String name = sample.getFileName().toString();
      boolean badInput = name.contains("-missing-") || name.contains("-malformed");
      assertTrue(badInput ? status >= 400 && status < 500 : status >= 200 && status < 300,
          name + " shows the function's real work, not " + output);
    }
  }

  /** The sample with what it refers to made on the test server first (a fresh sample world each time). */
  private Path filled(Path sample) throws IOException {
    String text = Files.readString(sample);
    if (!SampleWorld.needed(text)) {
      return sample;
    }
    SampleWorld world = SampleWorld.seed(TestServer.get().baseUri(), root, LocalStripe.DEFAULT_WEBHOOK_SECRET);
    return Files.writeString(root.resolve("local/server/target/sample-" + sample.getFileName()), world.fill(text));
  }

  private List<Path> samples(TemplateFunction function) throws IOException {
    String name = function.moduleName();
    try (Stream<Path> files = Files.list(root.resolve("events"))) {
      return files.filter(f -> {
        String file = f.getFileName().toString();
        return file.equals(name + ".json") || (file.startsWith(name + "-") && file.endsWith(".json"));
      }).sorted().toList();
    }
  }
}
