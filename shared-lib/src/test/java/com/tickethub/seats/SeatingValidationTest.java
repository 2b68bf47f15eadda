package com.tickethub.seats;

import static com.tickethub.testing.Requests.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tickethub.errors.InvalidRequest;
import com.tickethub.events.NewEvent;
import com.tickethub.events.NewTicketType;
import com.tickethub.http.HttpEndpoint;
import com.tickethub.http.Json;
import com.tickethub.testing.JsonBodies;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of a seat map in POST /events, each broken once on {@code seats/small-hall.json}: the 400 names the field. */
class SeatingValidationTest {
  private static final String HALL = "seats/small-hall.json";
  /** The seats of the hall's balcony, which the tests that resize the stalls keep. */
  private static final int BALCONY = 11;

  @ParameterizedTest(name = "{0} = {1} is rejected as {2}")
  @CsvSource(delimiter = '|', value = {
      "/seating/focus                      | null              | seating.focus",
      "/seating/focus/x                    | '\"a\"'           | seating.focus.x",
      "/seating/focus/y                    | null              | seating.focus.y",
      "/seating/sections                   | '[]'              | seating.sections",
      "/seating/sections/0/id              | '\"A-1\"'         | seating.sections[0].id",
      "/seating/sections/0/id              | '\"ABCDEFGHI\"'   | seating.sections[0].id",
      "/seating/sections/0/id              | null              | seating.sections[0].id",
      "/seating/sections/1/id              | '\"A\"'           | seating.sections[1].id",
      "/seating/sections/0/name            | '\" \"'           | seating.sections[0].name",
      "/seating/sections/0/rows            | '[]'              | seating.sections[0].rows",
      "/seating/sections/0/rows/1/id       | '\"1\"'           | seating.sections[0].rows[1].id",
      "/seating/sections/0/rows/0/id       | '\"\"'            | seating.sections[0].rows[0].id",
      "/seating/sections/0/rows/0/seats    | 201               | seating.sections[0].rows[0].seats",
      "/seating/sections/0/rows/0/seats    | 0                 | seating.sections[0].rows[0].seats",
      "/seating/sections/0/rows/0/seats    | 2.5               | seating.sections[0].rows[0].seats",
      "/seating/sections/0/rows/0/seats    | '\"10\"'          | seating.sections[0].rows[0].seats",
      "/seating/sections/0/rows/0/x        | 1000001           | seating.sections[0].rows[0].x",
      "/seating/sections/0/rows/0/y        | null              | seating.sections[0].rows[0].y",
      "/seating/sections/0/rows/0/dx       | 0                 | seating.sections[0].rows[0].dx",
      "/seating/sections/0/rows/0/skip     | '[11]'            | seating.sections[0].rows[0].skip[0]",
      "/seating/sections/0/rows/0/skip     | '[3, 3]'          | seating.sections[0].rows[0].skip[1]",
      "/seating/sections/0/rows/0/skip     | '[\"3\"]'         | seating.sections[0].rows[0].skip[0]",
      "/seating/sections/0/rows/2/skip     | '[1,2,3,4,5,6,7,8,9,10,11,12]' | seating.sections[0].rows[2].skip",
      "/seating/sections/0/rows/0/accessible | '[0]'           | seating.sections[0].rows[0].accessible[0]",
      "/seating/sections/0/rows/0/accessible | '[1, 1]'        | seating.sections[0].rows[0].accessible[1]",
      "/seating/sections/0/rows/1/accessible | '[5]'          | seating.sections[0].rows[1].accessible[0]",
      "/seating/sections/0/rows/0/category | '\"VIP\"'         | seating.sections[0].rows[0].category",
      "/seating/sections/0/rows/0/category | '\"Standing\"'    | seating.sections[0].rows[0].category",
      "/seating/sections/0/rows/0/category | null              | seating.sections[0].rows[0].category",
      "/seating/sections/0/rows/0/colour   | '\"red\"'         | seating.sections[0].rows[0].colour",
      "/ticketTypes/1/capacity             | 10                | ticketTypes[1].capacity",
      "/ticketTypes/1/shards               | 2                 | ticketTypes[1].shards",
      "/ticketTypes/1/seated               | '\"yes\"'         | ticketTypes[1].seated",
      "/ticketTypes/3                      | '{\"name\": \"Box\", \"priceCents\": 1, \"currency\": \"EUR\", \"seated\": true}' | ticketTypes[3]",
      "/seating                            | null              | ticketTypes[1].seated",
  })
  void brokenFieldIsNamed(String pointer, String json, String field) {
    String body = JsonBodies.edited(HALL, node -> JsonBodies.set(node, pointer, json));

    InvalidRequest error = assertThrows(InvalidRequest.class, () -> Json.read(body, NewEvent.class));

    assertEquals(field, error.field(), error.getMessage());
  }

  @Test
  void seatedTypesCapacityIsTheNumberOfSeatsOfItsCategory() {
    NewEvent hall = Json.read(resource(HALL), NewEvent.class);

    assertEquals(50, hall.capacityOf(type(hall, "Standing")));
    assertEquals(10 + 9 + 12, hall.capacityOf(type(hall, "Stalls")), "row A-2 skips seat 5");
    assertEquals(11, hall.capacityOf(type(hall, "Balcony")));
  }

  @Test
  void twentyThousandSeatArenaFitsInOneRequestUnderTheBodyLimit() {
    String arena = resource("seats/arena-20000.json");

    NewEvent event = Json.read(arena, NewEvent.class);

    assertTrue(arena.getBytes(StandardCharsets.UTF_8).length < HttpEndpoint.MAX_BODY_BYTES, arena.length() + " bytes");
    assertEquals(20_000, event.ticketTypes().stream().filter(NewTicketType::seated).mapToInt(event::capacityOf).sum());
  }

  @Test
  void mapOfAHundredThousandSeatsIsAllowed() {
    NewEvent event = Json.read(stalls(NewSeating.MAX_SEATS - BALCONY), NewEvent.class);

    assertEquals(NewSeating.MAX_SEATS - BALCONY, event.capacityOf(type(event, "Stalls")));
  }

  @Test
  void mapOverAHundredThousandSeatsIsRejected() {
    String body = stalls(NewSeating.MAX_SEATS - BALCONY + 1);

    InvalidRequest error = assertThrows(InvalidRequest.class, () -> Json.read(body, NewEvent.class));

    assertEquals("seating.sections", error.field());
  }

  @Test
  void rowLayoutIsTheRowAsDescribed() {
    NewEvent hall = Json.read(resource(HALL), NewEvent.class);
    RowLayout row = hall.seating().layouts(Map.of("Stalls", "t-stalls", "Balcony", "t-balcony")).get(1);

    assertEquals("A#2", row.key());
    assertEquals("t-stalls", row.ticketTypeId());
    assertEquals(List.of(1, 2, 3, 4, 6, 7, 8, 9, 10), row.numbers());
    assertEquals(40.0, row.distance(1, new Point(10, 0)), 1e-9, "seat 1 of row 2 is at (10, 40)");
    assertEquals(40.0, row.distance(3, new Point(50, 0)), 1e-9, "seat 3 of row 2 is at (50, 40)");
  }

  /** The small hall with {@code seats} Stalls seats, in rows of 200 (the last one shorter). */
  private static String stalls(int seats) {
    return JsonBodies.edited(HALL, root -> {
      ArrayNode rows = ((ObjectNode) root.at("/seating/sections/0")).putArray("rows");
      for (int r = 1, left = seats; left > 0; r++, left -= NewRow.MAX_SEATS) {
        rows.addObject().put("id", String.valueOf(r)).put("x", 0).put("y", r * 10).put("dx", 5).put("dy", 0)
            .put("seats", Math.min(left, NewRow.MAX_SEATS)).put("category", "Stalls");
      }
    });
  }

  private static NewTicketType type(NewEvent event, String name) {
    return event.ticketTypes().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

}
