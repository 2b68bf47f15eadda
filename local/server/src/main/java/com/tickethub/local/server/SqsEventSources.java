package com.tickethub.local.server;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.local.invoke.LocalInvoke;
import com.tickethub.local.stack.LocalAws;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The template's SQS event source mappings, as Lambda runs them: one poller per mapping long-polls the
 * queue, hands a batch (up to BatchSize, at most 10 per receive) to the function, and deletes what
 * succeeded: every message when the function returns without batchItemFailures, none when it throws,
 * all but the reported ones with ReportBatchItemFailures. The rest come back after the visibility
 * timeout, and the queue's redrive policy moves them to the DLQ after maxReceiveCount receives.
 */
public final class SqsEventSources implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SqsEventSources.class);
  /**
   * Short polls, then a pause when the queue had nothing: a receive left waiting in ElasticMQ makes it sort every
   * message of the queue (delayed ones included) on each arrival, which under a purchase load (one delayed
   * hold-expiry message per purchase) was a quarter of the server's CPU (bench/REPORT.md, the load profile).
   */
  private static final int WAIT_SECONDS = 0;
  private static final long IDLE_PAUSE_MILLIS = 200;

  private final List<Thread> pollers = new ArrayList<>();
  private volatile boolean running = true;

  /** One SQS event of a function. */
  record Mapping(String functionId, String eventName, String queueUrl, String queueArn, int batchSize,
      boolean reportBatchItemFailures) {}

  private SqsEventSources() {}

  public static SqsEventSources start(List<TemplateFunction> functions, FunctionHost host, LocalAws aws) {
    SqsEventSources sources = new SqsEventSources();
    for (TemplateFunction function : functions) {
      function.events("SQS").forEach((name, event) -> {
        if (!event.path("Enabled").asBoolean(true)) {
          return;
        }
        Mapping mapping = mapping(function.logicalId(), name, event, aws);
        Thread poller = new Thread(() -> sources.poll(mapping, host, aws), "sqs-" + function.logicalId() + "-" + name);
        poller.setDaemon(true);
        sources.pollers.add(poller);
        poller.start();
        LOG.info("{} polls {} (batch {}{})", function.logicalId(), mapping.queueArn(), mapping.batchSize(),
            mapping.reportBatchItemFailures() ? ", partial batch responses" : "");
      });
    }
    return sources;
  }

  private static Mapping mapping(String functionId, String name, JsonNode event, LocalAws aws) {
    JsonNode queue = event.path("Queue");
    String queueId = queue.path("Fn::GetAtt").path(0).asText();
    if (queueId.isEmpty()) {
      throw new IllegalArgumentException(functionId + "." + name + ": the local server needs Queue: !GetAtt <Queue>.Arn");
    }
    Set<String> responseTypes = new HashSet<>();
    event.path("FunctionResponseTypes").forEach(t -> responseTypes.add(t.asText()));
    return new Mapping(functionId, name, aws.queueUrl(queueId), aws.resolve(queue, Map.of()),
        event.path("BatchSize").asInt(10), responseTypes.contains("ReportBatchItemFailures"));
  }

  private void poll(Mapping mapping, FunctionHost host, LocalAws aws) {
    while (running) {
      try {
        List<Message> messages = aws.sqs().receiveMessage(b -> b.queueUrl(mapping.queueUrl())
            .maxNumberOfMessages(Math.min(mapping.batchSize(), 10))
            .waitTimeSeconds(WAIT_SECONDS)
            .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
            .messageAttributeNames("All")).messages();
        if (messages.isEmpty()) {
          pause(IDLE_PAUSE_MILLIS);
        } else {
          deliver(mapping, host, aws, messages);
        }
      } catch (RuntimeException e) {
        if (running) {
          LOG.warn("{}: polling {} failed, retrying", mapping.functionId(), mapping.queueUrl(), e);
          sleep();
        }
      }
    }
  }

  private static void deliver(Mapping mapping, FunctionHost host, LocalAws aws, List<Message> messages) {
    Set<String> failed;
    try {
      Object result = host.invoke(mapping.functionId(), event(mapping, messages));
      failed = mapping.reportBatchItemFailures() ? failures(result, messages) : Set.of();
    } catch (Exception e) {
      LOG.warn("{} failed on a batch of {}: every message will be received again", mapping.functionId(),
          messages.size(), e);
      failed = messages.stream().map(Message::messageId).collect(Collectors.toSet());
    }
    List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
    for (Message message : messages) {
      if (!failed.contains(message.messageId())) {
        done.add(DeleteMessageBatchRequestEntry.builder().id(String.valueOf(done.size()))
            .receiptHandle(message.receiptHandle()).build());
      }
    }
    if (!done.isEmpty()) {
      aws.sqs().deleteMessageBatch(b -> b.queueUrl(mapping.queueUrl()).entries(done));
    }
  }

  /**
   * The message ids the function reported as failed. As in Lambda, an identifier that is empty or not
   * in the batch fails the whole batch.
   */
  private static Set<String> failures(Object result, List<Message> messages) {
    if (result == null) {
      return Set.of();
    }
    SQSBatchResponse response = result instanceof SQSBatchResponse r ? r
        : LocalInvoke.EVENTS.convertValue(result, SQSBatchResponse.class);
    Set<String> ids = messages.stream().map(Message::messageId).collect(Collectors.toSet());
    Set<String> failed = new HashSet<>();
    if (response.getBatchItemFailures() != null) {
      for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
        if (failure.getItemIdentifier() == null || !ids.contains(failure.getItemIdentifier())) {
          return ids;
        }
        failed.add(failure.getItemIdentifier());
      }
    }
    return failed;
  }

  static SQSEvent event(Mapping mapping, List<Message> messages) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (Message message : messages) {
      SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
      record.setMessageId(message.messageId());
      record.setReceiptHandle(message.receiptHandle());
      record.setBody(message.body());
      record.setMd5OfBody(message.md5OfBody());
      record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
      record.setAttributes(new LinkedHashMap<>(message.attributesAsStrings()));
      record.setMessageAttributes(attributes(message.messageAttributes()));
      record.setEventSource("aws:sqs");
      record.setEventSourceArn(mapping.queueArn());
      record.setAwsRegion(LocalAws.REGION);
      records.add(record);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  private static Map<String, SQSEvent.MessageAttribute> attributes(Map<String, MessageAttributeValue> values) {
    Map<String, SQSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
      attribute.setDataType(value.dataType());
      attribute.setStringValue(value.stringValue());
      if (value.binaryValue() != null) {
        attribute.setBinaryValue(value.binaryValue().asByteBuffer());
      }
      attribute.setStringListValues(value.stringListValues());
      attribute.setBinaryListValues(value.binaryListValues().stream().map(b -> b.asByteBuffer()).toList());
      attributes.put(name, attribute);
    });
    return attributes;
  }

  private static void sleep() {
    pause(1000);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    for (Thread poller : pollers) {
      try {
        poller.join((WAIT_SECONDS + 1) * 1000L);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
