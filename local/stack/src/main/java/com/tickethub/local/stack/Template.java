package com.tickethub.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The SAM template as a JSON tree, with CloudFormation's short tags turned into their long form
 * ({@code !Ref X} becomes {@code {"Ref": "X"}}, {@code !GetAtt A.B} becomes {@code {"Fn::GetAtt": ["A", "B"]}}):
 * a plain YAML read would silently drop the tags.
 */
public record Template(Path file, JsonNode root) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static Template read(Path file) {
    try (Reader reader = Files.newBufferedReader(file)) {
      Object tree = new Yaml(new CloudFormationConstructor()).load(reader);
      return new Template(file, JSON.valueToTree(tree));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The template.yaml of the project this process runs in (see {@link ProjectRoot}). */
  public static Template ofProject() {
    return read(ProjectRoot.find().resolve("template.yaml"));
  }

  public Map<String, JsonNode> resources(String type) {
    Map<String, JsonNode> found = new LinkedHashMap<>();
    root.path("Resources").fields().forEachRemaining(entry -> {
      if (type.equals(entry.getValue().path("Type").asText())) {
        found.put(entry.getKey(), entry.getValue());
      }
    });
    return found;
  }

  public JsonNode globalFunctionProperties() {
    return root.path("Globals").path("Function");
  }

  public List<String> parameterNames() {
    List<String> names = new ArrayList<>();
    root.path("Parameters").fieldNames().forEachRemaining(names::add);
    return names;
  }

  public JsonNode parameterDefault(String name) {
    return root.path("Parameters").path(name).path("Default");
  }

  private static final class CloudFormationConstructor extends SafeConstructor {
    CloudFormationConstructor() {
      super(new LoaderOptions());
      yamlMultiConstructors.put("!", new IntrinsicFunction());
    }

    private final class IntrinsicFunction extends AbstractConstruct {
      @Override
      public Object construct(Node node) {
        String tag = node.getTag().getValue().substring(1);
        String function = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
        Object argument;
        if (node instanceof ScalarNode scalar) {
          argument = tag.equals("GetAtt") ? List.of(scalar.getValue().split("\\.", 2)) : scalar.getValue();
        } else if (node instanceof SequenceNode sequence) {
          argument = constructSequence(sequence);
        } else {
          argument = constructMapping((MappingNode) node);
        }
        return Map.of(function, argument);
      }
    }
  }
}
