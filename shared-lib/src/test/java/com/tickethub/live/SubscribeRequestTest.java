package com.tickethub.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tickethub.errors.InvalidRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SubscribeRequestTest {
  @Test
  void aSubscribeNamesItsEvent() {
    assertEquals("e-1", SubscribeRequest.parse("{\"action\": \"subscribe\", \"eventId\": \"e-1\"}").eventId());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "not json|body",
      "[1, 2]|body",
      "\"subscribe\"|body",
      "{}|action",
      "{\"action\": \"dance\"}|action",
      "{\"action\": 7, \"eventId\": \"e\"}|action",
      "{\"action\": \"subscribe\"}|eventId",
      "{\"action\": \"subscribe\", \"eventId\": 12}|eventId",
      "{\"action\": \"subscribe\", \"eventId\": \"\"}|eventId"})
  void anythingElseIsInvalidNamingTheField(String body, String field) {
    assertEquals(field, assertThrows(InvalidRequest.class, () -> SubscribeRequest.parse(body)).field());
  }
}
