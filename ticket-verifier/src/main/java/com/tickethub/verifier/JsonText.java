package com.tickethub.verifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of a JSON reader for a JWK Set, so that the verifier needs no library: objects become
 * maps, arrays lists, strings strings; numbers, booleans and null are read and kept as text or null.
 */
final class JsonText {
  private static final int MAX_DEPTH = 32;

  private final String text;
  private int at;

  private JsonText(String text) {
    this.text = text;
  }

  static Object parse(String text) {
    JsonText reader = new JsonText(text);
    Object value = reader.value(0);
    reader.skipSpace();
    if (reader.at != text.length()) {
      throw reader.error("text after the JSON document");
    }
    return value;
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nesting too deep");
    }
    skipSpace();
    if (at >= text.length()) {
      throw error("unexpected end");
    }
    char c = text.charAt(at);
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      default:
        return literal();
    }
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> members = new LinkedHashMap<>();
    at++;
    skipSpace();
    if (consume('}')) {
      return members;
    }
    do {
      skipSpace();
      if (!peek('"')) {
        throw error("expected a member name");
      }
      String name = string();
      skipSpace();
      expect(':');
      members.put(name, value(depth + 1));
      skipSpace();
    } while (consume(','));
    expect('}');
    return members;
  }

  private List<Object> array(int depth) {
    List<Object> items = new ArrayList<>();
    at++;
    skipSpace();
    if (consume(']')) {
      return items;
    }
    do {
      items.add(value(depth + 1));
      skipSpace();
    } while (consume(','));
    expect(']');
    return items;
  }

  private String string() {
    StringBuilder out = new StringBuilder();
    at++;
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (at >= text.length()) {
        break;
      }
      char escaped = text.charAt(at++);
      switch (escaped) {
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw error("bad \\u escape");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          } catch (NumberFormatException e) {
            throw error("bad \\u escape");
          }
          at += 4;
        }
        case '"', '\\', '/' -> out.append(escaped);
        default -> throw error("bad escape");
      }
    }
    throw error("unterminated string");
  }

  private String literal() {
    int start = at;
    while (at < text.length() && "{}[],:\" \t\r\n".indexOf(text.charAt(at)) < 0) {
      at++;
    }
    String word = text.substring(start, at);
    if (word.equals("null")) {
      return null;
    }
    if (word.equals("true") || word.equals("false") || word.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
      return word;
    }
    throw error("unexpected '" + (word.isEmpty() ? text.charAt(at) : word) + "'");
  }

  private void skipSpace() {
    while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private boolean consume(char c) {
    if (peek(c)) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!consume(c)) {
      throw error("expected '" + c + "'");
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("Not a valid JWK Set: " + what + " at offset " + at);
  }
}
