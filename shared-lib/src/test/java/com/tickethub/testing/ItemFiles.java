package com.tickethub.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB items kept as fixture files in the wire format ({@code {"S": "..."}}, {@code {"N": "1"}}, {@code L},
 * {@code M}, {@code BOOL}), with {@code ${name}} placeholders filled in, so that a test can put an item exactly
 * as an older writer laid it out, or compare what a writer wrote with such a layout.
 */
public final class ItemFiles {
  private ItemFiles() {}

  public static Map<String, AttributeValue> read(String resource, Map<String, String> values) {
    try (InputStream in = ItemFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> value : values.entrySet()) {
        text = text.replace("${" + value.getKey() + "}", value.getValue());
      }
      return item(Json.MAPPER.readTree(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, AttributeValue> item(JsonNode object) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    object.fields().forEachRemaining(field -> item.put(field.getKey(), value(field.getValue())));
    return item;
  }

  private static AttributeValue value(JsonNode typed) {
    Map.Entry<String, JsonNode> only = typed.fields().next();
    JsonNode value = only.getValue();
    return switch (only.getKey()) {
      case "S" -> AttributeValue.fromS(value.asText());
      case "N" -> AttributeValue.fromN(value.asText());
      case "BOOL" -> AttributeValue.fromBool(value.asBoolean());
      case "L" -> {
        var list = new java.util.ArrayList<AttributeValue>();
        value.forEach(element -> list.add(value(element)));
        yield AttributeValue.fromL(list);
      }
      case "M" -> AttributeValue.fromM(item(value));
      default -> throw new IllegalArgumentException("Unsupported attribute type " + only.getKey());
    };
  }
}
