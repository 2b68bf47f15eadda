package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.local.stack.Template;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** template.yaml against AWS's own rules (cfn-lint with the SAM translator): no error, no warning. */
class CfnLintTest {

  @Test
  void templatePassesCfnLintWithoutErrorsOrWarnings() {
    ExternalTool.Run lint = ExternalTool.require("cfn-lint").run("--format", "parseable", "-c", "I", "--", "template.yaml");

    // parseable: template.yaml:line:column:endLine:endColumn:rule:message
    List<String> findings = lint.output().lines().filter(l -> l.startsWith("template.yaml:")).toList();
    List<String> informational = findings.stream().filter(l -> l.split(":", 7)[5].startsWith("I")).toList();
    informational.forEach(l -> System.out.println("cfn-lint (informational): " + l));
    List<String> problems = findings.stream().filter(l -> !informational.contains(l)).collect(Collectors.toList());
    assertEquals(List.of(), problems, "cfn-lint errors and warnings:\n" + lint.output());
    // Exit codes are a bit mask: 2 errors, 4 warnings, 8 informational; anything else means it did not run.
    assertTrue((lint.exitCode() & ~8) == 0, "cfn-lint exited " + lint.exitCode() + ":\n" + lint.output());
  }

  @ParameterizedTest
  @ValueSource(strings = {"UserPool", "MainTable", "TicketKeysSecret"})
  void resourcesWhoseLossLosesAccountsOrdersOrTicketsAreRetained(String logicalId) {
    JsonNode resource = Template.ofProject().root().path("Resources").path(logicalId);

    assertEquals("Retain", resource.path("DeletionPolicy").asText(), logicalId);
    assertEquals("Retain", resource.path("UpdateReplacePolicy").asText(), logicalId);
  }
}
