package com.tickethub.idempotency;

import static com.tickethub.aws.ItemFields.field;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import com.tickethub.aws.ItemFields;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The idempotency record's layout ({@link IdempotencyStore}), as a static schema. A completed record has no
 * {@code in_progress_expiration} (read as 0).
 */
final class IdempotencySchema {
  static final TableSchema<IdempotencyRecord> SCHEMA =
      StaticImmutableTableSchema.builder(IdempotencyRecord.class, ItemFields.class)
          .newItemBuilder(ItemFields::new, IdempotencySchema::record)
          .addAttribute(String.class, field("id", IdempotencyRecord::id).andThen(a -> a.tags(primaryPartitionKey())))
          .addAttribute(String.class, field("status", (IdempotencyRecord r) -> r.status().name()))
          .addAttribute(String.class, field("validation", IdempotencyRecord::validation))
          .addAttribute(String.class, field("data", IdempotencyRecord::data))
          .addAttribute(Long.class, field("expiration", IdempotencyRecord::expirationEpochSeconds))
          .addAttribute(Long.class, field("in_progress_expiration", IdempotencyRecord::inProgressExpirationEpochMillis))
          .addAttribute(String.class, field("token", IdempotencyRecord::token))
          .build();

  /** A full record whose key never exists: what the priming maps and reads ({@link com.tickethub.aws.ItemTables}). */
  static final IdempotencyRecord PRIMING = new IdempotencyRecord("PRIMING", IdempotencyRecord.Status.COMPLETED,
      "validation", "{}", 1, 1, "token");

  private IdempotencySchema() {}

  private static IdempotencyRecord record(ItemFields item) {
    return new IdempotencyRecord(item.get("id"), IdempotencyRecord.Status.valueOf(item.get("status")),
        item.get("validation"), item.get("data"), item.get("expiration", 0L), item.get("in_progress_expiration", 0L),
        item.get("token"));
  }
}
