package com.tickethub.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tickethub.testing.ItemFiles;
import com.tickethub.testing.TestComponent;
import com.tickethub.testing.TestStack;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The idempotency record through its static schema, on the real table: our claim has the layout the hand-written
 * conversions wrote ({@code items/idempotency-claim.json}), both ways, and a record in Powertools' own layout
 * (completed: no token, no in-progress expiry) reads back.
 */
class IdempotencySchemaTest {
  private static final String VALIDATION = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
  private final TestComponent app = TestStack.component();
  private final String table = TestStack.config("CreateEventFunction").require("IDEMPOTENCY_TABLE_NAME");
  private final IdempotencyStore store = app.idempotencyStore();
  private final String id = "schema#u1#" + UUID.randomUUID();
  private final IdempotencyRecord claim = new IdempotencyRecord(id, IdempotencyRecord.Status.INPROGRESS, VALIDATION,
      null, 1_764_590_400L, 1_764_504_030_000L, "2f8b8c4e-4a4f-4c57-9f3c-7d3f0f1e9a10");

  @Test
  void aClaimRoundTripsWithoutData() {
    store.claim(claim, 0);

    assertEquals(claim, store.find(id).orElseThrow());
  }

  @Test
  void aNewClaimHasTheOldLayoutAttributeForAttribute() {
    store.claim(claim, 0);

    assertEquals(ItemFiles.read("/items/idempotency-claim.json", Map.of("id", id)), stored());
  }

  @Test
  void aClaimWrittenByTheOldConversionsReadsBackUnchanged() {
    app.dynamo().putItem(b -> b.tableName(table).item(ItemFiles.read("/items/idempotency-claim.json", Map.of("id", id))));

    assertEquals(claim, store.find(id).orElseThrow());
  }

  @Test
  void aCompletedRecordInPowertoolsLayoutReadsBackWithoutTokenOrInProgressExpiry() {
    app.dynamo().putItem(b -> b.tableName(table)
        .item(ItemFiles.read("/items/idempotency-powertools.json", Map.of("id", id))));

    assertEquals(new IdempotencyRecord(id, IdempotencyRecord.Status.COMPLETED, VALIDATION,
        "{\"statusCode\":201,\"body\":\"{}\"}", 1_764_590_400L, 0, null), store.find(id).orElseThrow());
  }

  private Map<String, AttributeValue> stored() {
    return app.dynamo().getItem(b -> b.tableName(table).consistentRead(true)
        .key(Map.of("id", AttributeValue.fromS(id)))).item();
  }
}
