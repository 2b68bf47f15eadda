package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.local.stack.ProjectRoot;
import com.tickethub.local.stack.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What is deployed carries no local stand-in: no function jar holds the invoke runner, a local payment
 * gateway or the ticket key file, and the template offers no local payment provider.
 * (The jars still run alone: {@link InvokeSmokeTest}.) Needs the jars: run with {@code mvn verify}.
 */
class DeployableJarsTest {
  private static final List<String> LOCAL_ONLY = List.of("LocalInvoke", "LocalPaymentGateway", "TicketKeyFile",
      "LocalStripe", "LocalSecretsManager");

  private final Path root = ProjectRoot.find();

  @TestFactory
  Stream<DynamicTest> noFunctionJarCarriesALocalStandIn() {
    List<DynamicTest> tests = new ArrayList<>();
    for (TemplateFunction function : TemplateFunction.all(Template.read(root.resolve("template.yaml")))) {
      tests.add(DynamicTest.dynamicTest(function.moduleName() + ".jar", () -> {
        Path jar = function.jar(root);
        assertTrue(Files.isRegularFile(jar), jar + " is built (mvn verify)");
        assertEquals(List.of(), localClasses(jar));
      }));
    }
    return tests.stream();
  }

  @Test
  void templateOffersNoLocalPaymentProvider() throws IOException {
    String template = Files.readString(root.resolve("template.yaml"));

    assertFalse(template.contains("PaymentProvider"), "no PaymentProvider parameter");
    assertFalse(template.contains("PAYMENT_GATEWAY"), "no gateway switch in the functions' environment");
  }

  private static List<String> localClasses(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().map(entry -> entry.getName())
          .filter(name -> name.startsWith("com/tickethub/local/")
              || LOCAL_ONLY.stream().anyMatch(local -> name.endsWith("/" + local + ".class")))
          .toList();
    }
  }
}
