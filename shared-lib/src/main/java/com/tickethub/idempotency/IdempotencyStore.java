package com.tickethub.idempotency;

import static com.tickethub.aws.Attributes.n;
import static com.tickethub.aws.Attributes.s;

import com.tickethub.config.Config;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The idempotency table, laid out as Powertools for AWS Lambda lays it out ({@code id}, {@code expiration},
 * {@code status}, {@code data}, {@code validation}, {@code in_progress_expiration}), so either can read it.
 */
@Singleton
public class IdempotencyStore {
  private final DynamoDbClient dynamo;
  private final String table;

  @Inject
  public IdempotencyStore(DynamoDbClient dynamo, Config config) {
    this.dynamo = dynamo;
    this.table = config.require("IDEMPOTENCY_TABLE_NAME");
  }

  /**
   * Claims the key for a new run if no record exists or the record expired, with a new {@code token}. False if a
   * record holds the key (completed, or still in progress).
   */
  public boolean claim(IdempotencyRecord record, String token, long nowEpochSeconds) {
    try {
      dynamo.putItem(b -> b.tableName(table)
          .item(Map.of(
              "id", s(record.id()),
              "status", s(IdempotencyRecord.Status.INPROGRESS.name()),
              "validation", s(record.validation()),
              "expiration", n(record.expirationEpochSeconds()),
              "in_progress_expiration", n(record.inProgressExpirationEpochMillis()),
              "token", s(token)))
          .conditionExpression("attribute_not_exists(id) OR expiration < :now")
          .expressionAttributeValues(Map.of(":now", n(nowEpochSeconds))));
      return true;
    } catch (ConditionalCheckFailedException taken) {
      return false;
    }
  }

  /**
   * Takes over a claim for the same request whose run stopped without finishing (its in-progress expiry passed:
   * the Lambda that held it is dead), keeping its token. Empty if the record is not such a claim.
   */
  public Optional<String> takeOver(IdempotencyRecord record, long nowEpochMillis) {
    try {
      Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(table).key(Map.of("id", s(record.id())))
          .updateExpression("SET in_progress_expiration = :until, expiration = :exp")
          .conditionExpression("#status = :inprogress AND in_progress_expiration < :nowMillis AND validation = :v")
          .expressionAttributeNames(Map.of("#status", "status"))
          .expressionAttributeValues(Map.of(
              ":until", n(record.inProgressExpirationEpochMillis()),
              ":exp", n(record.expirationEpochSeconds()),
              ":nowMillis", n(nowEpochMillis),
              ":inprogress", s(IdempotencyRecord.Status.INPROGRESS.name()),
              ":v", s(record.validation())))
          .returnValues(ReturnValue.ALL_NEW)).attributes();
      return Optional.of(item.get("token").s());
    } catch (ConditionalCheckFailedException notStale) {
      return Optional.empty();
    }
  }

  public Optional<IdempotencyRecord> find(String id) {
    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Map.of("id", s(id))).consistentRead(true))
        .item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new IdempotencyRecord(
        id,
        IdempotencyRecord.Status.valueOf(item.get("status").s()),
        item.get("validation") == null ? null : item.get("validation").s(),
        item.get("data") == null ? null : item.get("data").s(),
        Long.parseLong(item.get("expiration").n()),
        item.get("in_progress_expiration") == null ? 0 : Long.parseLong(item.get("in_progress_expiration").n())));
  }

  /** Stores the result of the run that holds the claim; expiration restarts from completion. */
  public void complete(String id, String data, long expirationEpochSeconds) {
    dynamo.updateItem(b -> b.tableName(table).key(Map.of("id", s(id)))
        .updateExpression("SET #status = :completed, #data = :data, expiration = :exp REMOVE in_progress_expiration")
        .expressionAttributeNames(Map.of("#status", "status", "#data", "data"))
        .expressionAttributeValues(Map.of(
            ":completed", s(IdempotencyRecord.Status.COMPLETED.name()),
            ":data", s(data),
            ":exp", n(expirationEpochSeconds))));
  }

  /** Forgets a run that failed, so that the same key can be tried again; a completed record stays. */
  public void release(String id) {
    try {
      dynamo.deleteItem(b -> b.tableName(table).key(Map.of("id", s(id)))
          .conditionExpression("#status = :inprogress")
          .expressionAttributeNames(Map.of("#status", "status"))
          .expressionAttributeValues(Map.of(":inprogress", s(IdempotencyRecord.Status.INPROGRESS.name()))));
    } catch (ConditionalCheckFailedException alreadyGone) {
      // nothing to forget
    }
  }
}
