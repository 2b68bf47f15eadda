package com.tickethub.local.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Lambda's event filtering for stream records, the part of the pattern syntax the template uses: nested
 * objects down to a list of alternatives, each an exact value or {@code {"prefix": "..."}}. A record passes
 * when any filter matches (none: all pass).
 */
final class StreamFilter {
  private StreamFilter() {}

  static boolean matches(List<JsonNode> filters, JsonNode record) {
    return filters.isEmpty() || filters.stream().anyMatch(filter -> matches(filter, record));
  }

  /**
   * Whether a record of the item with this key can pass: decided on the key alone when every filter looks
   * only at {@code dynamodb.Keys} (the emulated stream then skips the items no filter can pass), else yes.
   */
  static Predicate<ObjectNode> keys(List<JsonNode> filters) {
    boolean keysOnly = filters.stream().allMatch(filter -> filter.size() == 1 && filter.path("dynamodb").size() == 1
        && filter.path("dynamodb").has("Keys"));
    if (filters.isEmpty() || !keysOnly) {
      return key -> true;
    }
    return key -> {
      ObjectNode record = JsonNodeFactory.instance.objectNode();
      record.putObject("dynamodb").set("Keys", key);
      return matches(filters, record);
    };
  }

  /** Fails on a part of the syntax this does not apply, so a filter is never silently ignored. */
  static void check(JsonNode pattern) {
    if (pattern.isObject()) {
      pattern.fields().forEachRemaining(field -> check(field.getValue()));
      return;
    }
    if (!pattern.isArray()) {
      throw new IllegalArgumentException("a pattern's values are lists of alternatives, not " + pattern);
    }
    for (JsonNode alternative : pattern) {
      if (alternative.isObject() && !(alternative.size() == 1 && alternative.has("prefix"))) {
        throw new IllegalArgumentException("only exact values and prefix are known here, not " + alternative);
      }
    }
  }

  private static boolean matches(JsonNode pattern, JsonNode value) {
    if (pattern.isObject()) {
      for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) pattern::fields) {
        if (!matches(field.getValue(), value.path(field.getKey()))) {
          return false;
        }
      }
      return true;
    }
    for (JsonNode alternative : pattern) {
      boolean hit = alternative.isObject()
          ? value.isTextual() && value.asText().startsWith(alternative.path("prefix").asText())
          : alternative.equals(value);
      if (hit) {
        return true;
      }
    }
    return false;
  }
}
