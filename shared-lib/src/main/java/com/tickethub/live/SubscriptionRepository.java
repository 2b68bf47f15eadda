package com.tickethub.live;

import static com.tickethub.aws.Attributes.n;
import static com.tickethub.aws.Attributes.num;
import static com.tickethub.aws.Attributes.s;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The live connections table. Per subscription two items: {@code pk = EVENT#e, sk = CONN#c} with the
 * {@code version} of the snapshot the connection got (the broadcaster's audience, one Query per event), and
 * its mirror {@code pk = CONN#c, sk = EVENT#e} (what {@code $disconnect} or a GoneException removes). Per
 * event one {@code pk = EVENT#e, sk = BROADCAST} item: the version and time of the last {@code changes}
 * message, which keeps versions rising and messages apart. Every item carries {@code expiresAt} (TTL): a
 * connection lives at most 2 hours, so a lost {@code $disconnect} leaves nothing behind for long.
 */
@Singleton
public class SubscriptionRepository {
  /** API Gateway closes a WebSocket connection after 2 hours at the latest. */
  public static final Duration CONNECTION_LIFETIME = Duration.ofHours(2);
  private static final Duration BROADCAST_MEMORY = Duration.ofDays(1);
  private static final String EVENT = "EVENT#";
  private static final String CONN = "CONN#";
  private static final String BROADCAST = "BROADCAST";

  private final DynamoDbClient dynamo;
  private final String table;

  /** A subscribed connection and the version of the snapshot it was sent. */
  public record Subscriber(String connectionId, long version) {}

  /** The last {@code changes} message of an event: its version and when it went out. */
  public record LastBroadcast(long version, Instant sentAt) {}

  /** Who watches an event, and its last message (null before the first). */
  public record Audience(List<Subscriber> subscribers, LastBroadcast last) {}

  @Inject
  public SubscriptionRepository(DynamoDbClient dynamo, LiveTable table) {
    this.dynamo = dynamo;
    this.table = table.name();
  }

  /** Records that the connection watches the event from {@code version} on (again: a resubscribe resets it). */
  public void subscribe(String connectionId, String eventId, long version, Instant now) {
    AttributeValue expiresAt = n(now.plus(CONNECTION_LIFETIME).getEpochSecond());
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s(EVENT + eventId), "sk", s(CONN + connectionId),
        "version", n(version), "expiresAt", expiresAt)));
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s(CONN + connectionId), "sk", s(EVENT + eventId),
        "expiresAt", expiresAt)));
  }

  /** The event's subscribers and last broadcast, read strongly consistent (one Query). */
  public Audience audience(String eventId) {
    List<Subscriber> subscribers = new ArrayList<>();
    LastBroadcast[] last = {null};
    dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
            .expressionAttributeValues(Map.of(":pk", s(EVENT + eventId))))
        .items().forEach(item -> {
          String sk = item.get("sk").s();
          if (sk.equals(BROADCAST)) {
            last[0] = new LastBroadcast(num(item, "version"), Instant.ofEpochMilli(num(item, "sentAt")));
          } else if (sk.startsWith(CONN)) {
            subscribers.add(new Subscriber(sk.substring(CONN.length()), num(item, "version")));
          }
        });
    return new Audience(subscribers, last[0]);
  }

  /**
   * Claims the next message of the event: succeeds only if the last message is still {@code previous} (null:
   * none yet) and {@code version} is above it, so of two broadcasters racing, one sends and versions only rise.
   */
  public boolean claimBroadcast(String eventId, LastBroadcast previous, long version, Instant now) {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":v", n(version), ":at", n(now.toEpochMilli()),
        ":exp", n(now.plus(BROADCAST_MEMORY).getEpochSecond())));
    String condition;
    if (previous == null) {
      condition = "attribute_not_exists(pk)";
    } else {
      condition = "version = :previous AND version < :v";
      values.put(":previous", n(previous.version()));
    }
    try {
      dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", s(EVENT + eventId), "sk", s(BROADCAST)))
          .updateExpression("SET version = :v, sentAt = :at, expiresAt = :exp").conditionExpression(condition)
          .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException another) {
      return false;
    }
  }

  /** Forgets the connection and all its subscriptions ({@code $disconnect}, or a post that found it gone). */
  public void forget(String connectionId) {
    List<Map<String, AttributeValue>> mirrors = new ArrayList<>();
    dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
            .expressionAttributeValues(Map.of(":pk", s(CONN + connectionId))))
        .items().forEach(mirrors::add);
    for (Map<String, AttributeValue> mirror : mirrors) {
      dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", mirror.get("sk"), "sk", s(CONN + connectionId))));
      dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", mirror.get("pk"), "sk", mirror.get("sk"))));
    }
  }

  /** Whether the connection is subscribed to the event (for tests and the stale-connection check). */
  public boolean isSubscribed(String connectionId, String eventId) {
    return dynamo.getItem(b -> b.tableName(table).consistentRead(true)
        .key(Map.of("pk", s(EVENT + eventId), "sk", s(CONN + connectionId)))).hasItem();
  }
}
