package com.tickethub.local.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tickethub.local.invoke.LocalInvoke;
import com.tickethub.local.stack.DynamoStreamProxy;
import com.tickethub.local.stack.LocalAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The template's DynamoDB stream event sources, as Lambda runs them on the local stack's emulated streams:
 * records that pass the FilterCriteria are batched (up to BatchSize, or until MaximumBatchingWindowInSeconds
 * after the first one) and handed to the function as the DynamodbEvent Lambda sends, one batch at a time
 * and in order. A partial batch response retries from the first reported record; an error retries the
 * batch, halved when BisectBatchOnFunctionError is set; after MaximumRetryAttempts the records are dropped,
 * as Lambda does without an on-failure destination.
 */
public final class StreamEventSources implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamEventSources.class);

  private final List<Thread> pollers = new ArrayList<>();
  private volatile boolean running = true;

  /** One DynamoDB event of a function. */
  record Mapping(String functionId, String table, int batchSize, Duration window, boolean bisect, int maxRetries,
      List<JsonNode> filters) {}

  private StreamEventSources() {}

  public static StreamEventSources start(List<TemplateFunction> functions, FunctionHost host, LocalAws aws) {
    StreamEventSources sources = new StreamEventSources();
    for (TemplateFunction function : functions) {
      function.events("DynamoDB").forEach((name, event) -> {
        if (!event.path("Enabled").asBoolean(true)) {
          return;
        }
        Mapping mapping = mapping(function.logicalId(), name, event);
        BlockingQueue<JsonNode> records = new LinkedBlockingQueue<>();
        aws.streams().read(mapping.table(), new DynamoStreamProxy.Reader(StreamFilter.keys(mapping.filters()),
            record -> {
              if (StreamFilter.matches(mapping.filters(), record)) {
                records.add(record);
              }
            }));
        Thread poller = new Thread(() -> sources.poll(mapping, records, host), "stream-" + function.logicalId());
        poller.setDaemon(true);
        sources.pollers.add(poller);
        poller.start();
        LOG.info("{} reads the stream of {} (batch {}, window {})", function.logicalId(), mapping.table(),
            mapping.batchSize(), mapping.window());
      });
    }
    return sources;
  }

  private static Mapping mapping(String functionId, String name, JsonNode event) {
    JsonNode stream = event.path("Stream").path("Fn::GetAtt");
    if (!"StreamArn".equals(stream.path(1).asText())) {
      throw new IllegalArgumentException(functionId + "." + name + ": the local server reads Stream: !GetAtt <Table>.StreamArn");
    }
    List<JsonNode> filters = new ArrayList<>();
    for (JsonNode filter : event.path("FilterCriteria").path("Filters")) {
      try {
        JsonNode pattern = LocalInvoke.EVENTS.readTree(filter.path("Pattern").asText());
        StreamFilter.check(pattern);
        filters.add(pattern);
      } catch (Exception e) {
        throw new IllegalArgumentException(functionId + "." + name + ": a FilterCriteria pattern the local server "
            + "cannot apply: " + e.getMessage(), e);
      }
    }
    return new Mapping(functionId, stream.path(0).asText(), event.path("BatchSize").asInt(100),
        Duration.ofSeconds(event.path("MaximumBatchingWindowInSeconds").asInt(0)),
        event.path("BisectBatchOnFunctionError").asBoolean(false), event.path("MaximumRetryAttempts").asInt(-1),
        filters);
  }

  private void poll(Mapping mapping, BlockingQueue<JsonNode> records, FunctionHost host) {
    while (running) {
      try {
        JsonNode first = records.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        List<JsonNode> batch = new ArrayList<>(List.of(first));
        long deadline = System.nanoTime() + mapping.window().toNanos();
        while (batch.size() < mapping.batchSize()) {
          JsonNode next = records.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          if (next == null) {
            break;
          }
          batch.add(next);
        }
        deliver(mapping, batch, host, 0);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void deliver(Mapping mapping, List<JsonNode> batch, FunctionHost host, int attempt) {
    if (batch.isEmpty() || !running) {
      return;
    }
    boolean retriesLeft = mapping.maxRetries() < 0 || attempt < mapping.maxRetries();
    try {
      Object result = host.invoke(mapping.functionId(), event(batch));
      int from = firstFailure(batch, result);
      if (from >= 0) {
        if (retriesLeft) {
          deliver(mapping, batch.subList(from, batch.size()), host, attempt + 1);
        } else {
          LOG.warn("{} dropped {} stream records after {} retries", mapping.functionId(), batch.size() - from, attempt);
        }
      }
    } catch (Exception e) {
      LOG.warn("{} failed on a batch of {} stream records (attempt {})", mapping.functionId(), batch.size(),
          attempt + 1, e);
      if (!retriesLeft) {
        LOG.warn("{} dropped {} stream records after {} retries", mapping.functionId(), batch.size(), attempt);
      } else if (mapping.bisect() && batch.size() > 1) {
        deliver(mapping, batch.subList(0, batch.size() / 2), host, attempt + 1);
        deliver(mapping, batch.subList(batch.size() / 2, batch.size()), host, attempt + 1);
      } else {
        deliver(mapping, batch, host, attempt + 1);
      }
    }
  }

  /** The index of the first record a partial batch response names, or -1 when the batch succeeded. */
  private static int firstFailure(List<JsonNode> batch, Object result) {
    if (result == null) {
      return -1;
    }
    JsonNode failures = LocalInvoke.EVENTS.valueToTree(result).path("batchItemFailures");
    int first = -1;
    for (JsonNode failure : failures) {
      String sequence = failure.path("itemIdentifier").asText();
      for (int i = 0; i < batch.size(); i++) {
        if (batch.get(i).path("dynamodb").path("SequenceNumber").asText().equals(sequence)
            && (first < 0 || i < first)) {
          first = i;
        }
      }
    }
    return first;
  }

  private static ObjectNode event(List<JsonNode> batch) {
    ObjectNode event = LocalInvoke.EVENTS.createObjectNode();
    ArrayNode records = event.putArray("Records");
    batch.forEach(records::add);
    return event;
  }

  @Override
  public void close() {
    running = false;
    pollers.forEach(Thread::interrupt);
  }
}
