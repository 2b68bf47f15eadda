package com.tickethub.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.tickethub.errors.InvalidRequest;
import com.tickethub.http.Json;

/** A viewer's {@code {"action": "subscribe", "eventId": "..."}}, checked at the edge. */
public record SubscribeRequest(String eventId) {

  /** The message as received; anything but a JSON object with the known action and a string eventId is invalid. */
  public static SubscribeRequest parse(String body) {
    JsonNode message;
    try {
      message = body == null ? null : Json.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidRequest("body", "is not valid JSON");
    }
    if (message == null || !message.isObject()) {
      throw new InvalidRequest("body", "must be a JSON object with an action");
    }
    JsonNode action = message.path("action");
    if (!action.isTextual() || !action.asText().equals("subscribe")) {
      throw new InvalidRequest("action", "must be \"subscribe\"");
    }
    JsonNode eventId = message.path("eventId");
    if (!eventId.isTextual() || eventId.asText().isEmpty()) {
      throw new InvalidRequest("eventId", "must be an event id");
    }
    return new SubscribeRequest(eventId.asText());
  }
}
