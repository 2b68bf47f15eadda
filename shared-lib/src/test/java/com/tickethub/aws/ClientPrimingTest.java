package com.tickethub.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tickethub.config.Config;
import com.tickethub.testing.TestStack;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The SDK clients' SnapStart priming, on the clients as a function in Lambda builds them: it writes nothing. */
class ClientPrimingTest {
  private final Config lambda = lambdaConfig();
  private final AwsCredentialsProvider credentials = AwsModule.credentials(TestStack.config("PurchaseFunction"));
  private final DynamoDbClient dynamo = AwsModule.dynamoDb(lambda, AwsModule.httpClient(), credentials);
  private final SqsClient sqs = AwsModule.sqs(lambda, AwsModule.httpClient(), credentials);
  private final String table = lambda.require("TABLE_NAME");

  @Test
  void primingTheDynamoDbClientWritesNothing() {
    ClientPriming.dynamo(dynamo, table);

    assertEquals(Map.of(), TestStack.aws().dynamo().getItem(b -> b.tableName(table).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("PRIMING"), "sk", AttributeValue.fromS("PRIMING")))).item());
  }

  @Test
  void primingTheSqsClientSendsNothing() {
    String queue = TestStack.aws().sqs().createQueue(b -> b.queueName("priming-" + UUID.randomUUID())).queueUrl();

    ClientPriming.sqs(sqs, queue);

    Map<String, String> counts = TestStack.aws().sqs().getQueueAttributes(b -> b.queueUrl(queue)
        .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesDelayed"))
        .attributesAsStrings();
    assertEquals(Map.of("ApproximateNumberOfMessages", "0", "ApproximateNumberOfMessagesDelayed", "0"), counts);
  }

  @Test
  void aRequestNotMarkedAsADryRunIsSent() {
    Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("PRIMING-TEST#" + UUID.randomUUID()),
        "sk", AttributeValue.fromS("PRIMING"));

    dynamo.putItem(b -> b.tableName(table).item(item));

    assertEquals(item, TestStack.aws().dynamo().getItem(b -> b.tableName(table).consistentRead(true).key(item)).item());
  }

  private static Config lambdaConfig() {
    Map<String, String> env = new HashMap<>(TestStack.aws().functionEnvironment("PurchaseFunction", Map.of()));
    env.put("AWS_LAMBDA_FUNCTION_NAME", "PurchaseFunction");
    return new Config(env);
  }
}
