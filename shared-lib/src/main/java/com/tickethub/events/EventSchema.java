package com.tickethub.events;

import static com.tickethub.aws.ItemFields.derived;
import static com.tickethub.aws.ItemFields.field;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import com.fasterxml.jackson.core.type.TypeReference;
import com.tickethub.aws.Attributes;
import com.tickethub.aws.ItemFields;
import com.tickethub.inventory.InventoryRepository;
import com.tickethub.seats.Point;
import com.tickethub.seats.Seating;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The event item's layout ({@link EventRepository}), as a static schema: no reflection when a function starts.
 * {@code ticketTypes} and {@code seating} are JSON text; the keys and both index keys are derived from the event.
 */
final class EventSchema {
  static final String SK = "EVENT";
  static final String ALL_EVENTS = "EVENTS";
  /** Fixed width, so that the text order of sort keys is their time order. */
  static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final EnhancedType<List<String>> STAFF = EnhancedType.listOf(String.class);

  static final TableSchema<Event> SCHEMA = StaticImmutableTableSchema.builder(Event.class, ItemFields.class)
      .newItemBuilder(ItemFields::new, EventSchema::event)
      .addAttribute(String.class, derived("pk", (Event e) -> InventoryRepository.eventKey(e.eventId()))
          .andThen(a -> a.tags(primaryPartitionKey())))
      .addAttribute(String.class, derived("sk", (Event e) -> SK).andThen(a -> a.tags(primarySortKey())))
      .addAttribute(String.class, field("eventId", Event::eventId))
      .addAttribute(String.class, field("organizerId", Event::organizerId))
      .addAttribute(String.class, field("name", Event::name))
      .addAttribute(String.class, field("venue", Event::venue))
      .addAttribute(Instant.class, field("startsAt", Event::startsAt))
      .addAttribute(String.class, field("currency", Event::currency))
      .addAttribute(STAFF, field("staff", Event::staff).andThen(a -> a.attributeConverter(Attributes.converter(STAFF,
          AttributeValueType.L, Attributes::strings, list -> list.l().stream().map(AttributeValue::s).toList()))))
      .addAttribute(EnhancedType.listOf(TicketType.class), field("ticketTypes", Event::ticketTypes)
          .andThen(a -> a.attributeConverter(Attributes.json(EnhancedType.listOf(TicketType.class),
              new TypeReference<>() {}))))
      .addAttribute(Instant.class, field("createdAt", Event::createdAt))
      .addAttribute(Seating.class, field("seating", Event::seating)
          .andThen(a -> a.attributeConverter(Attributes.json(EnhancedType.of(Seating.class), new TypeReference<>() {}))))
      .addAttribute(String.class, derived("gsi1pk", (Event e) -> ALL_EVENTS).andThen(a -> a.tags(secondaryPartitionKey("gsi1"))))
      .addAttribute(String.class, derived("gsi1sk", EventSchema::position).andThen(a -> a.tags(secondarySortKey("gsi1"))))
      .addAttribute(String.class, derived("gsi2pk", (Event e) -> organizerKey(e.organizerId()))
          .andThen(a -> a.tags(secondaryPartitionKey("gsi2"))))
      .addAttribute(String.class, derived("gsi2sk", EventSchema::position).andThen(a -> a.tags(secondarySortKey("gsi2"))))
      .build();

  /** A full event whose key never exists: what the priming maps and reads ({@link com.tickethub.aws.ItemTables}). */
  static final Event PRIMING = new Event("PRIMING", "priming", "Priming", "Nowhere", Instant.EPOCH, "EUR",
      List.of("staff"), List.of(new TicketType("t", "T", 100, "EUR", 1, 1, 1, Instant.EPOCH, Instant.EPOCH, 1, false)),
      Instant.EPOCH, new Seating(new Point(0, 0), List.of(new Seating.Section("s", "S"))));

  private EventSchema() {}

  /** Where the event stands in both lists: its start time, then its id. */
  static String position(Event event) {
    return SORTABLE.format(event.startsAt()) + "#" + event.eventId();
  }

  static String organizerKey(String organizerId) {
    return "ORGANIZER#" + organizerId;
  }

  private static Event event(ItemFields item) {
    return new Event(item.get("eventId"), item.get("organizerId"), item.get("name"), item.get("venue"),
        item.get("startsAt"), item.get("currency"), item.get("staff"), item.get("ticketTypes"), item.get("createdAt"),
        item.get("seating"));
  }
}
