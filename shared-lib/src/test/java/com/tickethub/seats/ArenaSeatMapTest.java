package com.tickethub.seats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.http.Json;
import com.tickethub.testing.CountingDynamo;
import com.tickethub.testing.TestStack;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/**
 * The 20,000-seat arena of {@code seats/arena-20000.json} (16 sections of 25 rows of 50), sold out with every
 * seat's entry carrying an order id: the worst case for reading its seat map.
 */
@DisabledIfEnvironmentVariable(named = "TICKETHUB_TEST_BACKEND", matches = "moto",
    disabledReason = "the arena's 400 rows take moto over 3 minutes; its expressions are checked on moto by SeatRepositoryTest on small halls")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArenaSeatMapTest {
  private static final int SEATS = 20_000;
  /** API.md: the map of a 20,000-seat arena is under 400 KB before compression. */
  private static final int MAX_BYTES = 400_000;

  private SeatedEvent arena;

  @BeforeAll
  void sellEverySeat() {
    arena = new SeatedEvent(TestStack.component(), "seats/arena-20000.json", "org-arena");
    List<Integer> row = IntStream.rangeClosed(1, 50).boxed().toList();
    Instant expiry = Instant.parse("2099-01-01T00:10:00Z");
    for (SeatRow r : arena.app.seatRows().rows(arena.id())) {
      String order = java.util.UUID.randomUUID().toString();
      RowKey key = RowKey.of(arena.id(), r.layout());
      arena.app.seatRows().hold(key, row, order, 1, expiry);
      arena.app.seatRows().commit(key, row, order, 1);
    }
  }

  @Test
  void soldOutArenaReadsInAHandfulOfQueryPages() {
    CountingDynamo dynamo = new CountingDynamo("GetEventFunction");

    List<SeatRow> rows = new SeatRepository(dynamo.client, dynamo.tables).rows(arena.id());

    assertEquals(400, rows.size());
    assertTrue(dynamo.count("Query") <= 4, dynamo.count("Query") + " Query pages");
    assertEquals(dynamo.count("Query"), dynamo.total(), "nothing but the Query pages");
  }

  @Test
  void soldOutArenaMapIsUnder400KilobytesWithEverySeatSold() {
    SeatMap map = arena.app.seats().map(arena.id());
    byte[] json = Json.write(map).getBytes(StandardCharsets.UTF_8);

    String states = map.sections().stream().flatMap(s -> s.rows().stream()).map(SeatMap.Row::state)
        .reduce("", String::concat);
    assertEquals("S".repeat(SEATS), states);
    assertEquals(2 * 400, map.version(), "a hold and a sale per row");
    assertTrue(json.length < MAX_BYTES, json.length + " bytes");
    arena.assertCountsExact();
  }
}
