package com.tickethub.testing;

import com.tickethub.config.Config;
import com.tickethub.local.stack.LocalAws;
import java.time.Clock;
import java.util.Map;

/**
 * The tests' way to the real emulators (dynalite + ElasticMQ, started once per JVM) and to services
 * wired by Dagger exactly as the functions wire them, with the environment the template gives them.
 */
public final class TestStack {
  private TestStack() {}

  public static LocalAws aws() {
    return LocalAws.shared();
  }

  /** The environment template.yaml gives {@code functionLogicalId}, resolved to the local resources. */
  public static Config config(String functionLogicalId) {
    return new Config(aws().functionEnvironment(functionLogicalId, Map.of()));
  }

  public static TestComponent component(Clock clock) {
    return DaggerTestComponent.factory().create(config("CreateEventFunction"), clock);
  }

  public static TestComponent component() {
    return component(Clock.systemUTC());
  }
}
