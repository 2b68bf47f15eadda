package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
 * events ({@code events/<module>[-case].json}): the jar holds every class it needs, and the handler
 * answers sanely (API functions with a status below 500). Needs the jars: run with {@code mvn verify}.
 */
class InvokeSmokeTest {
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

  private void invoke(TemplateFunction function, Path sample) throws Exception {
    Path log = root.resolve("local/server/target/invoke-" + sample.getFileName() + ".log");
    Process process = Invoke.command(root, TestServer.get().aws(), function, sample, Map.of())
        .redirectError(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the invocation ends");
    assertEquals(0, process.exitValue(), "the handler ran without an error: " + output + "\nsee " + log);
    if (!function.events("HttpApi").isEmpty()) {
      JsonNode response = TestHttp.JSON.readTree(output);
      int status = response.path("statusCode").asInt();
      assertTrue(status >= 200 && status < 500, "a sane status, not " + output);
    }
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
