package com.tickethub.events;

import static com.tickethub.aws.Attributes.s;
import static com.tickethub.aws.Attributes.strings;
import static com.tickethub.events.EventSchema.ALL_EVENTS;
import static com.tickethub.events.EventSchema.SK;
import static com.tickethub.events.EventSchema.SORTABLE;

import com.tickethub.aws.ItemTables;
import com.tickethub.config.TableNames;
import com.tickethub.inventory.InventoryRepository;
import com.tickethub.seats.RowLayout;
import com.tickethub.seats.SeatRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
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
  private static final Pattern POSITION = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

  private final DynamoDbClient dynamo;
  private final String table;
  private final DynamoDbTable<Event> events;
  private final InventoryRepository inventory;
  private final SeatRepository seats;

  @Inject
  public EventRepository(DynamoDbClient dynamo, ItemTables items, TableNames tables, InventoryRepository inventory,
      SeatRepository seats) {
    this.dynamo = dynamo;
    this.table = tables.main();
    this.events = items.table(table, EventSchema.SCHEMA, EventSchema.PRIMING);
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
    events.putItem(PutItemEnhancedRequest.builder(Event.class).item(event)
        .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build()).build());
  }

  public Optional<Event> find(String eventId) {
    return Optional.ofNullable(events.getItem(GetItemEnhancedRequest.builder().key(key(eventId)).consistentRead(true)
        .build()));
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
    return page("gsi2", EventSchema.organizerKey(organizerId), Optional.empty(), limit, after);
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
    QueryConditional condition = from
        .map(f -> QueryConditional.sortGreaterThanOrEqualTo(Key.builder().partitionValue(pk).sortValue(f).build()))
        .orElseGet(() -> QueryConditional.keyEqualTo(Key.builder().partitionValue(pk).build()));
    List<Event> items = events.index(index).query(QueryEnhancedRequest.builder().queryConditional(condition)
        .exclusiveStartKey(after.map(position -> startKey(index, pk, position)).orElse(null))
        .limit(limit + 1).build()).iterator().next().items();
    List<Event> page = items.stream().limit(limit).toList();
    Optional<String> next = items.size() > limit
        ? Optional.of(EventSchema.position(page.get(limit - 1)))
        : Optional.empty();
    return new Page(page, next);
  }

  /** The index key of the item at {@code position}: the position names its event, so no client sends keys. */
  private static Map<String, AttributeValue> startKey(String index, String pk, String position) {
    String eventId = position.substring(position.indexOf('#') + 1);
    return Map.of(index + "pk", s(pk), index + "sk", s(position),
        "pk", s(InventoryRepository.eventKey(eventId)), "sk", s(SK));
  }

  private static Key key(String eventId) {
    return Key.builder().partitionValue(InventoryRepository.eventKey(eventId)).sortValue(SK).build();
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
