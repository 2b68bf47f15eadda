package com.tickethub.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every AWS SDK request made in the bench's JVM, by service and operation. Registered as a global
 * interceptor (the SDK reads {@code software/amazon/awssdk/global/handlers/execution.interceptors} from the
 * classpath), so it also sees the requests of the functions the in-process local server hosts: their class
 * loaders load the SDK from the bench's classpath first.
 */
public final class DynamoRequests implements ExecutionInterceptor {
  private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    COUNTS.computeIfAbsent(service + " " + operation, k -> new AtomicLong()).incrementAndGet();
  }

  static void reset() {
    COUNTS.clear();
  }

  /** The counts so far of the DynamoDB operations, by operation name. */
  static Map<String, Long> dynamo() {
    Map<String, Long> counts = new TreeMap<>();
    COUNTS.forEach((key, count) -> {
      if (key.startsWith("DynamoDb ")) {
        counts.put(key.substring("DynamoDb ".length()), count.get());
      }
    });
    return counts;
  }
}
