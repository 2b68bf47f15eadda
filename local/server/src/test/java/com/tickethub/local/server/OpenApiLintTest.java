package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.tickethub.local.stack.ProjectRoot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** openapi.yaml is a valid OpenAPI 3.0 document, by an independent linter and by the rules it does not check. */
class OpenApiLintTest {

  @Test
  void openApiPassesOpenApiSpecValidator() {
    ExternalTool.Run lint = ExternalTool.require("openapi-spec-validator")
        .run("--validation-errors", "all", "openapi.yaml");

    assertEquals(0, lint.exitCode(), lint.output());
  }

  /**
   * OpenAPI 3.0.3 (Schema Object, {@code nullable}): "A true value adds null to the allowed types specified by the
   * type keyword, only if type is explicitly defined within the same Schema Object". Without it null stays
   * refused, whatever the document meant; openapi-spec-validator does not check this.
   */
  @Test
  void everyNullableSchemaNamesItsType() throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(ProjectRoot.find().resolve("openapi.yaml").toFile());
    List<String> untyped = new ArrayList<>();
    collectNullableWithoutType(root, "", untyped);

    assertEquals(List.of(), untyped, "schemas with nullable: true but no type");
  }

  private static void collectNullableWithoutType(JsonNode node, String pointer, List<String> found) {
    if (node.isObject()) {
      if (node.path("nullable").asBoolean(false) && !node.has("type")) {
        found.add(pointer);
      }
      node.fields().forEachRemaining(e -> collectNullableWithoutType(e.getValue(), pointer + "/" + e.getKey(), found));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectNullableWithoutType(node.get(i), pointer + "/" + i, found);
      }
    }
  }
}
