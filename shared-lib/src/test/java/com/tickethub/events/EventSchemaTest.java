package com.tickethub.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tickethub.seats.Point;
import com.tickethub.seats.Seating;
import com.tickethub.testing.ItemFiles;
import com.tickethub.testing.TestComponent;
import com.tickethub.testing.TestStack;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The event item through its static schema, on the real table: every field comes back as written, and the layout
 * is the one the hand-written conversions wrote ({@code items/event.json}), both ways.
 */
class EventSchemaTest {
  private final TestComponent app = TestStack.component();
  private final String table = TestStack.config("CreateEventFunction").require("TABLE_NAME");
  private final EventRepository events = app.eventRepository();
  private final String eventId = "schema-" + UUID.randomUUID();

  @Test
  void everyFieldOfAnEventRoundTrips() {
    Event event = fullEvent();

    events.create(event, List.of());

    assertEquals(event, events.find(eventId).orElseThrow());
  }

  @Test
  void anEventWithoutSeatingStaffOrOptionalTypeFieldsRoundTrips() {
    Event event = new Event(eventId, "org-1", "Plain", "Park", Instant.parse("2027-05-01T10:00:00Z"), "EUR", List.of(),
        List.of(new TicketType("t1", "Entry", 0, "EUR", 10, 1, null, null, null, 1, false)),
        Instant.parse("2026-11-30T12:00:00Z"), null);

    events.create(event, List.of());

    assertEquals(event, events.find(eventId).orElseThrow());
  }

  @Test
  void anEventItemWrittenByTheOldConversionsReadsBackUnchanged() {
    app.dynamo().putItem(b -> b.tableName(table).item(fixture()));

    assertEquals(fullEvent(), events.find(eventId).orElseThrow());
  }

  @Test
  void aNewEventItemHasTheOldLayoutAttributeForAttribute() {
    events.create(fullEvent(), List.of());

    assertEquals(fixture(), app.dynamo().getItem(b -> b.tableName(table).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("EVENT#" + eventId), "sk", AttributeValue.fromS("EVENT")))).item());
  }

  private Map<String, AttributeValue> fixture() {
    return ItemFiles.read("/items/event.json", Map.of("eventId", eventId));
  }

  /** What items/event.json holds. */
  private Event fullEvent() {
    return new Event(eventId, "org-1", "Spring concert", "Town hall", Instant.parse("2027-03-01T19:30:00Z"), "EUR",
        List.of("gate-1", "gate-2"),
        List.of(new TicketType("t1", "Standing", 2500, "EUR", 100, 4, null, Instant.parse("2027-01-01T10:00:00Z"), null,
                2, false),
            new TicketType("t2", "Stalls", 4000, "EUR", 20, 2, 2, null, Instant.parse("2027-03-01T18:00:00Z"), 1, true)),
        Instant.parse("2026-11-30T12:00:00.123Z"),
        new Seating(new Point(0, -10), List.of(new Seating.Section("A", "Stalls"))));
  }
}
