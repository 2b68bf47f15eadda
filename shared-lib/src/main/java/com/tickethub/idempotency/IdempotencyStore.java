package com.tickethub.idempotency;

import static com.tickethub.aws.Attributes.n;
import static com.tickethub.aws.Attributes.s;

import com.tickethub.aws.ItemTables;
import com.tickethub.config.Config;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
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
  private final DynamoDbTable<IdempotencyRecord> records;

  @Inject
  public IdempotencyStore(DynamoDbClient dynamo, ItemTables items, Config config) {
    this.dynamo = dynamo;
    this.table = config.require("IDEMPOTENCY_TABLE_NAME");
    this.records = items.table(table, IdempotencySchema.SCHEMA, IdempotencySchema.PRIMING);
  }

  /**
   * Claims the key for a new run (the record is INPROGRESS and carries the run's token) if no record exists or the
   * record expired. False if a record holds the key (completed, or still in progress).
   */
  public boolean claim(IdempotencyRecord record, long nowEpochSeconds) {
    try {
      records.putItem(PutItemEnhancedRequest.builder(IdempotencyRecord.class).item(record)
          .conditionExpression(Expression.builder().expression("attribute_not_exists(id) OR expiration < :now")
              .expressionValues(Map.of(":now", n(nowEpochSeconds))).build())
          .build());
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
      return Optional.of(IdempotencySchema.SCHEMA.mapToItem(item).token());
    } catch (ConditionalCheckFailedException notStale) {
      return Optional.empty();
    }
  }

  public Optional<IdempotencyRecord> find(String id) {
    return Optional.ofNullable(records.getItem(GetItemEnhancedRequest.builder()
        .key(Key.builder().partitionValue(id).build()).consistentRead(true).build()));
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
