package com.tickethub.config;

import java.util.Map;
import java.util.Optional;

/**
 * The function's configuration: its environment variables, read through this one object so that the
 * local server and the tests can give each function the environment its template entry declares.
 */
public final class Config {
  private final Map<String, String> env;

  public Config(Map<String, String> env) {
    this.env = env;
  }

  public String require(String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Environment variable " + name + " is not set");
    }
    return value;
  }

  public Optional<String> optional(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  public String get(String name, String fallback) {
    return optional(name).orElse(fallback);
  }

  public long getLong(String name, long fallback) {
    return optional(name).map(Long::parseLong).orElse(fallback);
  }
}
