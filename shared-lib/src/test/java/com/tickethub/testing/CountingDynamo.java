package com.tickethub.testing;

import com.tickethub.aws.AwsModule;
import com.tickethub.config.Config;
import com.tickethub.config.TableNames;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A DynamoDB client on the test stack that counts its requests by operation ("Query", "UpdateItem", ...). */
public final class CountingDynamo {
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  public final DynamoDbClient client;
  public final TableNames tables;

  public CountingDynamo(String functionLogicalId) {
    Config config = TestStack.config(functionLogicalId);
    this.tables = new TableNames(config.require("TABLE_NAME"));
    this.client = AwsModule.configure(DynamoDbClient.builder(), config, "DYNAMODB",
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
          @Override
          public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            requests.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                name -> new AtomicInteger()).incrementAndGet();
          }
        }))
        .build();
  }

  public int count(String operation) {
    AtomicInteger count = requests.get(operation);
    return count == null ? 0 : count.get();
  }

  public int total() {
    return requests.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  public void reset() {
    requests.clear();
  }
}
