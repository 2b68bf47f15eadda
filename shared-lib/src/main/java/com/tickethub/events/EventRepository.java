package com.tickethub.events;

import static com.tickethub.aws.Attributes.s;
import static com.tickethub.aws.Attributes.strings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.tickethub.config.TableNames;
import com.tickethub.http.Json;
import com.tickethub.inventory.InventoryRepository;
import com.tickethub.seats.RowLayout;
import com.tickethub.seats.SeatRepository;
import com.tickethub.seats.Seating;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The event items ({@code pk = EVENT#id, sk = EVENT}). The ticket type definitions are one JSON
 * attribute: they are always read and written whole; the counts live in the inventory items. An event with a
 * seat map keeps only its focus and section names here ({@code seating}, JSON): the rows, with their layout and
 * their seats' states, are items of their own ({@link SeatRepository}), so that this item, read by every
 * purchase and every page view, stays small however big the venue.
 */
@Singleton
public class EventRepository {
  private static final String SK = "EVENT";
  private static final TypeReference<List<TicketType>> TICKET_TYPES = new TypeReference<>() {};

  private final DynamoDbClient dynamo;
  private final String table;
  private final InventoryRepository inventory;
  private final SeatRepository seats;

  @Inject
  public EventRepository(DynamoDbClient dynamo, TableNames tables, InventoryRepository inventory,
      SeatRepository seats) {
    this.dynamo = dynamo;
    this.table = tables.main();
    this.inventory = inventory;
    this.seats = seats;
  }

  /**
   * Writes the stock first (inventory shards of the standing types, seat rows of the seated ones) and the event
   * item last, so that an event is visible only once all of its stock exists; a crash in between leaves
   * unreachable stock items and no event.
   */
  public void create(Event event, List<RowLayout> rows) {
    inventory.create(event.eventId(), event.ticketTypes().stream().filter(t -> !t.seated()).toList());
    seats.create(event.eventId(), rows);
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(InventoryRepository.eventKey(event.eventId())));
    item.put("sk", s(SK));
    item.put("eventId", s(event.eventId()));
    item.put("organizerId", s(event.organizerId()));
    item.put("name", s(event.name()));
    item.put("venue", s(event.venue()));
    item.put("startsAt", s(event.startsAt().toString()));
    item.put("currency", s(event.currency()));
    item.put("staff", strings(event.staff()));
    item.put("ticketTypes", s(Json.write(event.ticketTypes())));
    item.put("createdAt", s(event.createdAt().toString()));
    if (event.seating() != null) {
      item.put("seating", s(Json.write(event.seating())));
    }
    dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
  }

  public Optional<Event> find(String eventId) {
    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
        .key(Map.of("pk", s(InventoryRepository.eventKey(eventId)), "sk", s(SK)))).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Event(
        item.get("eventId").s(),
        item.get("organizerId").s(),
        item.get("name").s(),
        item.get("venue").s(),
        Instant.parse(item.get("startsAt").s()),
        item.get("currency").s(),
        item.get("staff").l().stream().map(AttributeValue::s).toList(),
        Json.stored(item.get("ticketTypes").s(), TICKET_TYPES),
        Instant.parse(item.get("createdAt").s()),
        item.containsKey("seating") ? Json.stored(item.get("seating").s(), Seating.class) : null));
  }

  /** Replaces the gate-staff list; false if there is no such event organized by {@code organizerId}. */
  public boolean replaceStaff(String eventId, String organizerId, List<String> staff) {
    try {
      dynamo.updateItem(b -> b.tableName(table)
          .key(Map.of("pk", s(InventoryRepository.eventKey(eventId)), "sk", s(SK)))
          .updateExpression("SET staff = :staff")
          .conditionExpression("organizerId = :organizer")
          .expressionAttributeValues(Map.of(":staff", strings(staff), ":organizer", s(organizerId))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }
}
