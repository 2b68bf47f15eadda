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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
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
 * Every event is listed by start time twice: on gsi1 among all events ({@code gsi1pk = EVENTS}) and on
 * gsi2 among its organizer's ({@code gsi2pk = ORGANIZER#sub}), both sorted by {@code <startsAt>#<eventId>}.
 * Event creation is rare, so the one EVENTS partition of gsi1 stays far below a partition's write rate.
 */
@Singleton
public class EventRepository {
  private static final String SK = "EVENT";
  private static final String ALL_EVENTS = "EVENTS";
  /** Fixed width, so that the text order of sort keys is their time order. */
  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern POSITION = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
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
    String position = sortKey(event.startsAt(), event.eventId());
    item.put("gsi1pk", s(ALL_EVENTS));
    item.put("gsi1sk", s(position));
    item.put("gsi2pk", s(organizerKey(event.organizerId())));
    item.put("gsi2sk", s(position));
    dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
  }

  public Optional<Event> find(String eventId) {
    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
        .key(Map.of("pk", s(InventoryRepository.eventKey(eventId)), "sk", s(SK)))).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(event(item));
  }

  /** A page of a list of events, and where the next one starts (the last event's sort key), if there is one. */
  public record Page(List<Event> events, Optional<String> next) {}

  /**
   * Events starting at or after {@code from}, soonest first, after the sort key {@code after} (the {@code next}
   * of an earlier page of the same query); eventually consistent (gsi1).
   */
  public Page startingFrom(Instant from, int limit, Optional<String> after) {
    return page("gsi1", ALL_EVENTS, Optional.of(SORTABLE.format(from)), limit, after);
  }

  /** The organizer's events, past and upcoming, soonest first, after {@code after}; eventually consistent (gsi2). */
  public Page organizedBy(String organizerId, int limit, Optional<String> after) {
    return page("gsi2", organizerKey(organizerId), Optional.empty(), limit, after);
  }

  /**
   * Whether {@code position} is a sort key these lists write, at or after {@code from} when given: only such a
   * position may start a Query (DynamoDB refuses a start key outside the key condition).
   */
  public static boolean isPosition(String position, Optional<Instant> from) {
    int hash = position.indexOf('#');
    return hash == 24 && POSITION.matcher(position.substring(0, hash)).matches()
        && position.substring(hash + 1).matches("[A-Za-z0-9_-]{1,64}")
        && from.map(f -> position.compareTo(SORTABLE.format(f)) >= 0).orElse(true);
  }

  /**
   * One Query of the index's partition {@code pk}, from the sort key {@code from} on, after {@code after}. It asks
   * for one item more than the page, so that the last page is known to be the last.
   */
  private Page page(String index, String pk, Optional<String> from, int limit, Optional<String> after) {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(pk)));
    from.ifPresent(f -> values.put(":from", s(f)));
    String condition = index + "pk = :pk" + (from.isPresent() ? " AND " + index + "sk >= :from" : "");
    List<Map<String, AttributeValue>> items = dynamo.query(b -> b.tableName(table).indexName(index)
        .keyConditionExpression(condition)
        .expressionAttributeValues(values)
        .exclusiveStartKey(after.map(position -> startKey(index, pk, position)).orElse(null))
        .limit(limit + 1)).items();
    List<Event> events = items.stream().limit(limit).map(EventRepository::event).toList();
    Optional<String> next = items.size() > limit
        ? Optional.of(items.get(limit - 1).get(index + "sk").s())
        : Optional.empty();
    return new Page(events, next);
  }

  /** The index key of the item at {@code position}: the position names its event, so no client sends keys. */
  private static Map<String, AttributeValue> startKey(String index, String pk, String position) {
    String eventId = position.substring(position.indexOf('#') + 1);
    return Map.of(index + "pk", s(pk), index + "sk", s(position),
        "pk", s(InventoryRepository.eventKey(eventId)), "sk", s(SK));
  }

  private static String sortKey(Instant startsAt, String eventId) {
    return SORTABLE.format(startsAt) + "#" + eventId;
  }

  private static String organizerKey(String organizerId) {
    return "ORGANIZER#" + organizerId;
  }

  private static Event event(Map<String, AttributeValue> item) {
    return new Event(
        item.get("eventId").s(),
        item.get("organizerId").s(),
        item.get("name").s(),
        item.get("venue").s(),
        Instant.parse(item.get("startsAt").s()),
        item.get("currency").s(),
        item.get("staff").l().stream().map(AttributeValue::s).toList(),
        Json.stored(item.get("ticketTypes").s(), TICKET_TYPES),
        Instant.parse(item.get("createdAt").s()),
        item.containsKey("seating") ? Json.stored(item.get("seating").s(), Seating.class) : null);
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
