package com.tickethub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tickethub.errors.InvalidRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one mapper's rule for instants, whatever request body holds them: ISO-8601 text or null, nothing else. */
class JsonTest {
  record Window(Instant at, List<Instant> more) {}

  @ParameterizedTest
  @ValueSource(strings = {"0", "1e1000000000", "-1", "1.5", "true", "[]", "{}", "\"0\"", "\"tomorrow\"", "\"\""})
  void anInstantThatIsNotIsoTextIsInvalidNamingTheField(String value) {
    InvalidRequest error = assertThrows(InvalidRequest.class,
        () -> Json.read("{\"at\": " + value + "}", Window.class));

    assertEquals("at", error.field(), error.getMessage());
  }

  @Test
  void anInstantInsideAListIsNamedByItsIndex() {
    InvalidRequest error = assertThrows(InvalidRequest.class,
        () -> Json.read("{\"more\": [\"2027-03-01T19:30:00Z\", 0]}", Window.class));

    assertEquals("more[1]", error.field());
  }

  @Test
  void isoTextIsTheInstant() {
    assertEquals(Instant.parse("2027-03-01T19:30:00Z"),
        Json.read("{\"at\": \"2027-03-01T19:30:00Z\"}", Window.class).at());
  }

  @Test
  void nullIsNoInstant() {
    assertNull(Json.read("{\"at\": null}", Window.class).at());
  }

  @Test
  void instantsAreWrittenAsIsoText() {
    assertEquals("{\"at\":\"2027-03-01T19:30:00Z\",\"more\":[]}",
        Json.write(new Window(Instant.parse("2027-03-01T19:30:00Z"), List.of())));
  }
}
