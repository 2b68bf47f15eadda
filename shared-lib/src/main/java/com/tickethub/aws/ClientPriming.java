package com.tickethub.aws;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The SnapStart priming of the SDK clients: one real read (it opens the connection and unmarshals an answer) and
 * each operation the functions write with, as a {@link DryRun} that stops before it is sent. Nothing is written,
 * and no permission beyond the read is needed.
 */
final class ClientPriming {
  private ClientPriming() {}

  static void dynamo(DynamoDbClient client, String table) {
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("PRIMING"), "sk", AttributeValue.fromS("PRIMING"));
    client.getItem(b -> b.tableName(table).key(key));
    DryRun.run(() -> client.putItem(b -> b.tableName(table).item(key).conditionExpression("attribute_not_exists(pk)")
        .overrideConfiguration(DryRun.MARK)));
    DryRun.run(() -> client.updateItem(b -> b.tableName(table).key(key).updateExpression("SET #n = #n + :one")
        .conditionExpression("attribute_exists(pk)").expressionAttributeNames(Map.of("#n", "n"))
        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))).overrideConfiguration(DryRun.MARK)));
    DryRun.run(() -> client.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("PRIMING"))).overrideConfiguration(DryRun.MARK)));
    DryRun.run(() -> client.batchGetItem(b -> b.requestItems(Map.of(table,
        KeysAndAttributes.builder().keys(List.of(key)).build())).overrideConfiguration(DryRun.MARK)));
  }

  static void sqs(SqsClient client, String queueUrl) {
    client.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN));
    DryRun.run(() -> client.sendMessage(b -> b.queueUrl(queueUrl).messageBody("{}").delaySeconds(1)
        .overrideConfiguration(DryRun.MARK)));
  }
}
