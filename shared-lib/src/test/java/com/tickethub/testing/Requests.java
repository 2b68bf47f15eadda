package com.tickethub.testing;

import com.tickethub.auth.Caller;
import com.tickethub.http.ApiRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Requests and bodies for service-level tests; bodies come from files under src/test/resources. */
public final class Requests {
  private Requests() {}

  public static Caller organizer(String sub) {
    return new Caller(sub, Set.of("organizer"));
  }

  public static Caller buyer(String sub) {
    return new Caller(sub, Set.of());
  }

  public static ApiRequest request(Caller caller, Map<String, String> headers, String body) {
    return new ApiRequest("POST /test", Map.of(), headers, Map.of(), body, Optional.ofNullable(caller), 30_000);
  }

  /** A text resource of the test classpath, such as {@code "events/new-event.json"}. */
  public static String resource(String name) {
    try (InputStream in = Requests.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("No test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
