package com.tickethub.live;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Decodes a DynamoDB stream event (as Lambda delivers it) into the stock changes it holds, in stream
 * order: records of other items (orders, tickets, events, buyer counters) are skipped, and images are
 * turned from the Lambda events library's attribute values into the SDK's.
 */
public final class StreamRecords {
  private static final String EVENT_PREFIX = "EVENT#";

  private StreamRecords() {}

  /** @param stockKey true for the sort keys of stock items ({@link StockRepository#isStockKey}) */
  public static List<StockChange> decode(DynamodbEvent event, Predicate<String> stockKey) {
    List<StockChange> changes = new ArrayList<>();
    if (event == null || event.getRecords() == null) {
      return changes;
    }
    for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
      StreamRecord data = record.getDynamodb();
      if (data == null || data.getKeys() == null) {
        continue;
      }
      var pk = data.getKeys().get("pk");
      var sk = data.getKeys().get("sk");
      if (pk == null || sk == null || pk.getS() == null || sk.getS() == null || !pk.getS().startsWith(EVENT_PREFIX)
          || !stockKey.test(sk.getS())) {
        continue;
      }
      changes.add(new StockChange(data.getSequenceNumber(), pk.getS().substring(EVENT_PREFIX.length()), sk.getS(),
          image(data.getOldImage()), image(data.getNewImage())));
    }
    return changes;
  }

  static Map<String, AttributeValue> image(
      Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
    if (image == null) {
      return null;
    }
    Map<String, AttributeValue> converted = new LinkedHashMap<>();
    image.forEach((name, value) -> converted.put(name, value(value)));
    return converted;
  }

  static AttributeValue value(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value) {
    if (value.getS() != null) {
      return AttributeValue.fromS(value.getS());
    }
    if (value.getN() != null) {
      return AttributeValue.fromN(value.getN());
    }
    if (value.getBOOL() != null) {
      return AttributeValue.fromBool(value.getBOOL());
    }
    if (value.getNULL() != null) {
      return AttributeValue.fromNul(value.getNULL());
    }
    if (value.getM() != null) {
      return AttributeValue.fromM(image(value.getM()));
    }
    if (value.getL() != null) {
      return AttributeValue.fromL(value.getL().stream().map(StreamRecords::value).toList());
    }
    if (value.getSS() != null) {
      return AttributeValue.fromSs(value.getSS());
    }
    if (value.getNS() != null) {
      return AttributeValue.fromNs(value.getNS());
    }
    if (value.getB() != null) {
      return AttributeValue.fromB(SdkBytes.fromByteBuffer(value.getB()));
    }
    if (value.getBS() != null) {
      return AttributeValue.fromBs(value.getBS().stream().map(SdkBytes::fromByteBuffer).toList());
    }
    throw new IllegalArgumentException("An attribute value of no known type in a stream record");
  }
}
