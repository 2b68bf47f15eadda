package com.tickethub.tickets;

import com.tickethub.config.TableNames;
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
 * The ticket items ({@code pk = TICKET#id, sk = TICKET}), indexed by event and status on gsi1
 * ({@code gsi1pk = EVENT#id#TICKETS, gsi1sk = STATUS#ticketId}) so the stats can count check-ins.
 */
@Singleton
public class TicketRepository {
  private static final String SK = "TICKET";

  private final DynamoDbClient dynamo;
  private final String table;

  @Inject
  public TicketRepository(DynamoDbClient dynamo, TableNames tables) {
    this.dynamo = dynamo;
    this.table = tables.main();
  }

  /** Writes each ticket unless it exists: issuing the same tickets again changes nothing. */
  public void issue(List<Ticket> tickets) {
    for (Ticket ticket : tickets) {
      Map<String, AttributeValue> item = new HashMap<>();
      item.put("pk", s("TICKET#" + ticket.ticketId()));
      item.put("sk", s(SK));
      item.put("gsi1pk", s(eventIndexKey(ticket.eventId())));
      item.put("gsi1sk", s(ticket.status().name() + "#" + ticket.ticketId()));
      item.put("ticketId", s(ticket.ticketId()));
      item.put("orderId", s(ticket.orderId()));
      item.put("eventId", s(ticket.eventId()));
      item.put("ticketTypeId", s(ticket.ticketTypeId()));
      item.put("holderId", s(ticket.holderId()));
      item.put("status", s(ticket.status().name()));
      try {
        dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      } catch (ConditionalCheckFailedException alreadyIssued) {
        // issued by an earlier attempt
      }
    }
  }

  public Optional<Ticket> find(String ticketId) {
    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
        .key(key(ticketId))).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Ticket(
        item.get("ticketId").s(),
        item.get("orderId").s(),
        item.get("eventId").s(),
        item.get("ticketTypeId").s(),
        item.get("holderId").s(),
        TicketStatus.valueOf(item.get("status").s()),
        item.containsKey("checkedInAt") ? Instant.parse(item.get("checkedInAt").s()) : null,
        item.containsKey("gate") ? item.get("gate").s() : null));
  }

  static String eventIndexKey(String eventId) {
    return "EVENT#" + eventId + "#TICKETS";
  }

  static Map<String, AttributeValue> key(String ticketId) {
    return Map.of("pk", s("TICKET#" + ticketId), "sk", s(SK));
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
