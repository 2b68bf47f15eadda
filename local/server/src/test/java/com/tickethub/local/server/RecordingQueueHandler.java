package com.tickethub.local.server;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only queue consumer: reports messages whose body starts with {@code fail} as batch item
 * failures, throws on a batch holding a {@code throw} message, and counts every delivery per body.
 */
public final class RecordingQueueHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  static final Map<String, AtomicInteger> DELIVERIES = new ConcurrentHashMap<>();
  static final List<SQSEvent.SQSMessage> RECORDS = new CopyOnWriteArrayList<>();

  public RecordingQueueHandler(Map<String, String> env) {}

  static int deliveries(String body) {
    AtomicInteger count = DELIVERIES.get(body);
    return count == null ? 0 : count.get();
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    boolean crash = false;
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      DELIVERIES.computeIfAbsent(message.getBody(), b -> new AtomicInteger()).incrementAndGet();
      RECORDS.add(message);
      if (message.getBody().startsWith("fail")) {
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
      crash |= message.getBody().startsWith("throw");
    }
    if (crash) {
      throw new IllegalStateException("this batch holds a message that always fails");
    }
    return new SQSBatchResponse(failures);
  }
}
