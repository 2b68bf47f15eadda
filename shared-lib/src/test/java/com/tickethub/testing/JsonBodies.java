package com.tickethub.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tickethub.http.Json;
import java.util.function.Consumer;

/** Request bodies made from a fixture file with one change, for the tests that break one rule at a time. */
public final class JsonBodies {
  private JsonBodies() {}

  /** The fixture {@code resource} after {@code change}, as JSON text. */
  public static String edited(String resource, Consumer<ObjectNode> change) {
    try {
      ObjectNode node = (ObjectNode) Json.MAPPER.readTree(Requests.resource(resource));
      change.accept(node);
      return Json.MAPPER.writeValueAsString(node);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sets the value at a JSON pointer such as {@code /ticketTypes/0/capacity} (an object member or array item). */
  public static void set(ObjectNode root, String pointer, String json) {
    int cut = pointer.lastIndexOf('/');
    String parentPointer = pointer.substring(0, cut);
    JsonNode parent = parentPointer.isEmpty() ? root : root.at(parentPointer);
    String last = pointer.substring(cut + 1);
    try {
      JsonNode value = Json.MAPPER.readTree(json);
      if (parent instanceof ArrayNode array) {
        int index = Integer.parseInt(last);
        if (index == array.size()) {
          array.add(value);
        } else {
          array.set(index, value);
        }
      } else {
        ((ObjectNode) parent).set(last, value);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
