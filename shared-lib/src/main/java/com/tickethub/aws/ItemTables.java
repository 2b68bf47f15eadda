package com.tickethub.aws;

import com.tickethub.config.Config;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Tables of whole items (events, orders, idempotency records), read and written through the enhanced client with a
 * static schema. In Lambda each table's mapping is primed before the SnapStart snapshot ({@link Priming}): a
 * sample record turned into an item and back, and a read of the sample's key, which never exists.
 */
@Singleton
public class ItemTables {
  private final DynamoDbEnhancedClient enhanced;
  private final boolean primed;

  @Inject
  public ItemTables(DynamoDbEnhancedClient enhanced, Config config) {
    this.enhanced = enhanced;
    this.primed = Priming.inLambda(config);
  }

  /** The table {@code name} of {@code schema}'s records; {@code sample} is a full record whose key is never used. */
  public <T> DynamoDbTable<T> table(String name, TableSchema<T> schema, T sample) {
    DynamoDbTable<T> table = enhanced.table(name, schema);
    if (primed) {
      Priming.register("schema of " + schema.itemType().rawClass().getSimpleName(), () -> {
        schema.mapToItem(schema.itemToMap(sample, true));
        table.getItem(table.keyFrom(sample));
      });
    }
    return table;
  }
}
