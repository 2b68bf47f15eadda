package com.tickethub.tickets;

import static com.tickethub.aws.Attributes.s;

import com.tickethub.config.TableNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The ticket items ({@code pk = TICKET#id, sk = TICKET}), indexed by event and status on gsi1
 * ({@code gsi1pk = EVENT#id#TICKETS, gsi1sk = STATUS#ticketId}) so the stats can count check-ins.
 */
@Singleton
public class TicketRepository {
  private static final String SK = "TICKET";
  private static final int BATCH_GET = 100;

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
      item.put("gsi1sk", s(statusKey(ticket.status(), ticket.ticketId())));
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
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ticket(item));
  }

  /** The tickets of these ids that exist, in the order of the ids (strongly consistent). */
  public List<Ticket> findAll(List<String> ticketIds) {
    Map<String, Ticket> found = new HashMap<>();
    List<String> unique = ticketIds.stream().distinct().toList();
    for (int from = 0; from < unique.size(); from += BATCH_GET) {
      List<Map<String, AttributeValue>> keys = unique.subList(from, Math.min(from + BATCH_GET, unique.size()))
          .stream().map(TicketRepository::key).toList();
      Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder()
          .keys(keys).consistentRead(true).build());
      for (int attempt = 0; !pending.isEmpty(); attempt++) {
        pause(attempt);
        Map<String, KeysAndAttributes> request = pending;
        BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(request));
        response.responses().getOrDefault(table, List.of())
            .forEach(item -> found.put(item.get("ticketId").s(), ticket(item)));
        pending = response.unprocessedKeys();
      }
    }
    return unique.stream().filter(found::containsKey).map(found::get).toList();
  }

  /**
   * Checks a ticket in: one conditional update {@code ISSUED -> CHECKED_IN} that records the time and
   * gate. Of any number of concurrent calls for one ticket exactly one gets the ticket back; the others,
   * and calls for a ticket that is not ISSUED, not of this event or not there, get empty.
   */
  public Optional<Ticket> checkIn(String ticketId, String eventId, Instant at, String gate) {
    try {
      Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(table).key(key(ticketId))
          .updateExpression("SET #status = :checkedIn, checkedInAt = :at, #gate = :gate, gsi1sk = :gsi1sk")
          .conditionExpression("#status = :issued AND eventId = :eventId")
          .expressionAttributeNames(Map.of("#status", "status", "#gate", "gate"))
          .expressionAttributeValues(Map.of(
              ":checkedIn", s(TicketStatus.CHECKED_IN.name()),
              ":issued", s(TicketStatus.ISSUED.name()),
              ":at", s(at.toString()),
              ":gate", s(gate),
              ":gsi1sk", s(statusKey(TicketStatus.CHECKED_IN, ticketId)),
              ":eventId", s(eventId)))
          .returnValues(ReturnValue.ALL_NEW)).attributes();
      return Optional.of(ticket(item));
    } catch (ConditionalCheckFailedException notIssued) {
      return Optional.empty();
    }
  }

  /**
   * Voids tickets (a refund): nothing at all when one of them is already checked in; otherwise each
   * {@code ISSUED -> VOID} by a conditional update. A check-in that races the void wins and is reported
   * in {@code checkedIn}. Tickets already VOID count as voided (a retry is a no-op); ids with no ticket
   * are skipped.
   */
  public VoidOutcome voidTickets(List<String> ticketIds) {
    List<Ticket> tickets = findAll(ticketIds);
    List<String> checkedIn = new ArrayList<>(tickets.stream()
        .filter(t -> t.status() == TicketStatus.CHECKED_IN).map(Ticket::ticketId).toList());
    if (!checkedIn.isEmpty()) {
      return new VoidOutcome(List.of(), checkedIn);
    }
    List<String> voided = new ArrayList<>();
    for (Ticket ticket : tickets) {
      if (ticket.status() == TicketStatus.VOID || voidIfIssued(ticket.ticketId())) {
        voided.add(ticket.ticketId());
      } else {
        checkedIn.add(ticket.ticketId());
      }
    }
    return new VoidOutcome(voided, checkedIn);
  }

  private boolean voidIfIssued(String ticketId) {
    try {
      dynamo.updateItem(b -> b.tableName(table).key(key(ticketId))
          .updateExpression("SET #status = :void, gsi1sk = :gsi1sk")
          .conditionExpression("#status = :issued")
          .expressionAttributeNames(Map.of("#status", "status"))
          .expressionAttributeValues(Map.of(
              ":void", s(TicketStatus.VOID.name()),
              ":issued", s(TicketStatus.ISSUED.name()),
              ":gsi1sk", s(statusKey(TicketStatus.VOID, ticketId)))));
      return true;
    } catch (ConditionalCheckFailedException checkedInMeanwhile) {
      return false;
    }
  }

  /** How many tickets of each ticket type of the event are checked in (a query of gsi1, eventually consistent). */
  public Map<String, Long> checkedInCounts(String eventId) {
    Map<String, Long> counts = new HashMap<>();
    dynamo.queryPaginator(b -> b.tableName(table).indexName("gsi1")
            .keyConditionExpression("gsi1pk = :pk AND begins_with(gsi1sk, :checkedIn)")
            .projectionExpression("ticketTypeId")
            .expressionAttributeValues(Map.of(":pk", s(eventIndexKey(eventId)),
                ":checkedIn", s(TicketStatus.CHECKED_IN.name() + "#"))))
        .items()
        .forEach(item -> counts.merge(item.get("ticketTypeId").s(), 1L, Long::sum));
    return counts;
  }

  private static Ticket ticket(Map<String, AttributeValue> item) {
    return new Ticket(
        item.get("ticketId").s(),
        item.get("orderId").s(),
        item.get("eventId").s(),
        item.get("ticketTypeId").s(),
        item.get("holderId").s(),
        TicketStatus.valueOf(item.get("status").s()),
        item.containsKey("checkedInAt") ? Instant.parse(item.get("checkedInAt").s()) : null,
        item.containsKey("gate") ? item.get("gate").s() : null);
  }

  private static void pause(int attempt) {
    if (attempt == 0) {
      return;
    }
    try {
      Thread.sleep(Math.min(1000, 20L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading tickets", e);
    }
  }

  static String statusKey(TicketStatus status, String ticketId) {
    return status.name() + "#" + ticketId;
  }

  static String eventIndexKey(String eventId) {
    return "EVENT#" + eventId + "#TICKETS";
  }

  static Map<String, AttributeValue> key(String ticketId) {
    return Map.of("pk", s("TICKET#" + ticketId), "sk", s(SK));
  }
}
