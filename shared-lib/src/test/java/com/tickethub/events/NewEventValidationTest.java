package com.tickethub.events;

import static com.tickethub.testing.Requests.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tickethub.errors.InvalidRequest;
import com.tickethub.http.Json;
import com.tickethub.testing.JsonBodies;
import java.util.regex.Matcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of POST /events, each broken once: the 400 names the field. */
class NewEventValidationTest {

  @ParameterizedTest(name = "{0} = {1} is rejected as {2}")
  @CsvSource(delimiter = '|', value = {
      "/name                          | null                | name",
      "/name                          | '\"  \"'            | name",
      "/name                          | 42                  | name",
      "/venue                         | null                | venue",
      "/startsAt                      | '\"tomorrow\"'      | startsAt",
      "/startsAt                      | null                | startsAt",
      "/staff                         | '\"scanner\"'       | staff",
      "/staff                         | '[\"\"]'            | staff[0]",
      "/ticketTypes                   | '[]'                | ticketTypes",
      "/ticketTypes                   | null                | ticketTypes",
      "/ticketTypes/0/name            | null                | ticketTypes[0].name",
      "/ticketTypes/0/priceCents      | -1                  | ticketTypes[0].priceCents",
      "/ticketTypes/0/priceCents      | 25.5                | ticketTypes[0].priceCents",
      "/ticketTypes/0/priceCents      | '\"2500\"'          | ticketTypes[0].priceCents",
      "/ticketTypes/0/priceCents      | 99999999999999999999999 | ticketTypes[0].priceCents",
      "/ticketTypes/0/currency        | '\"euro\"'          | ticketTypes[0].currency",
      "/ticketTypes/1/currency        | '\"USD\"'           | ticketTypes[1].currency",
      "/ticketTypes/0/capacity        | 0                   | ticketTypes[0].capacity",
      "/ticketTypes/0/capacity        | 1000001             | ticketTypes[0].capacity",
      "/ticketTypes/0/capacity        | 4294967296          | ticketTypes[0].capacity",
      "/ticketTypes/0/maxPerOrder     | 51                  | ticketTypes[0].maxPerOrder",
      "/ticketTypes/0/maxPerOrder     | 0                   | ticketTypes[0].maxPerOrder",
      "/ticketTypes/0/maxPerBuyer     | 0                   | ticketTypes[0].maxPerBuyer",
      "/ticketTypes/0/salesEnd        | '\"2025-01-01T00:00:00Z\"' | ticketTypes[0].salesEnd",
      "/ticketTypes/1/shards          | 101                 | ticketTypes[1].shards",
      "/ticketTypes/1/shards          | 41                  | ticketTypes[1].shards",
      "/ticketTypes/1/name            | '\"General\"'       | ticketTypes",
      "/ticketTypes/0/colour          | '\"red\"'           | ticketTypes[0].colour",
      "/extra                         | 1                   | extra",
  })
  void brokenFieldIsNamed(String pointer, String json, String field) {
    String body = JsonBodies.edited("events/new-event.json", node -> JsonBodies.set(node, pointer, json));

    InvalidRequest error = assertThrows(InvalidRequest.class, () -> Json.read(body, NewEvent.class));

    assertEquals(field, error.field());
  }

  @ParameterizedTest(name = "{0} = {1} is rejected, not read as epoch seconds")
  @CsvSource(delimiter = '|', value = {
      "startsAt   | 0",
      "startsAt   | 4102444800",
      "startsAt   | 4102444800.5",
      "salesStart | -1",
      "salesEnd   | 1e1000000000",
      "salesEnd   | 4102444800",
      "salesEnd   | true",
      "salesEnd   | '{}'",
      "salesEnd   | '\"4102444800\"'",
  })
  void anInstantMustBeIsoText(String field, String json) {
    String body = withRaw(field, json);

    InvalidRequest error = assertThrows(InvalidRequest.class, () -> Json.read(body, NewEvent.class));

    assertEquals(field.equals("startsAt") ? field : "ticketTypes[0]." + field, error.field(), error.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'{'",
      "'[]'",
      "'null'",
      "'{\"name\": \"a\", \"name\": \"b\"}'",
      "'{} {}'",
  })
  void malformedBodyIsRejected(String body) {
    assertThrows(InvalidRequest.class, () -> Json.read(body, NewEvent.class));
  }

  /** The sample with the first value of {@code field} replaced by {@code json} as written (no re-encoding). */
  private static String withRaw(String field, String json) {
    String sample = resource("events/new-event.json");
    String changed = sample.replaceFirst("\"" + field + "\": (\"[^\"]*\"|null)",
        Matcher.quoteReplacement("\"" + field + "\": " + json));
    if (changed.equals(sample)) {
      throw new IllegalStateException("No " + field + " in the sample");
    }
    return changed;
  }
}
