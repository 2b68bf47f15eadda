package com.tickethub.live;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One stream record of a stock item: its position in the stream, the event and item it changed, and the
 * item before and after (null before an insert, after a removal).
 */
public record StockChange(String sequenceNumber, String eventId, String sk, Map<String, AttributeValue> oldImage,
    Map<String, AttributeValue> newImage) {}
