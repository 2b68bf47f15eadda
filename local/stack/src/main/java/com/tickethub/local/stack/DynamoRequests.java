package com.tickethub.local.stack;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every DynamoDB request this JVM sends, by scope (the function the local server is running on the thread,
 * see {@link #in}) and operation ({@code GetItem}, {@code UpdateItem}, ...). Registered for every SDK client of a
 * JVM that has the local stack on its class path (the SDK's global interceptor list,
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}); the functions' own jars do not carry it.
 * It counts HTTP attempts, so an SDK retry is a request, as DynamoDB bills it.
 */
public final class DynamoRequests implements ExecutionInterceptor {
  /** The scope of requests sent outside {@link #in} (the local server's own, the tests'). */
  public static final String UNSCOPED = "(local)";
  private static final ThreadLocal<String> SCOPE = new ThreadLocal<>();
  private static final Map<String, Map<String, LongAdder>> COUNTS = new ConcurrentHashMap<>();

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    if (!"DynamoDB".equalsIgnoreCase(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))) {
      return;
    }
    String scope = SCOPE.get() == null ? UNSCOPED : SCOPE.get();
    COUNTS.computeIfAbsent(scope, s -> new ConcurrentHashMap<>())
        .computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), o -> new LongAdder())
        .increment();
  }

  /** Runs {@code work} with the DynamoDB requests it sends on this thread counted under {@code scope}. */
  public static <T> T in(String scope, Callable<T> work) throws Exception {
    String outer = SCOPE.get();
    SCOPE.set(scope);
    try {
      return work.call();
    } finally {
      SCOPE.set(outer);
    }
  }

  /** Requests so far: scope -> operation -> count, sorted. */
  public static Map<String, Map<String, Long>> snapshot() {
    Map<String, Map<String, Long>> copy = new TreeMap<>();
    COUNTS.forEach((scope, operations) -> {
      Map<String, Long> counts = new TreeMap<>();
      operations.forEach((operation, n) -> counts.put(operation, n.sum()));
      copy.put(scope, counts);
    });
    return copy;
  }

  /** Requests of one scope so far, by operation. */
  public static Map<String, Long> of(String scope) {
    return snapshot().getOrDefault(scope, Map.of());
  }
}
