package com.tickethub.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tickethub.errors.InvalidRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageRequestTest {
  @Test
  void limitDefaultsToTwentyAndCursorToNone() {
    assertEquals(new PageRequest(20, Optional.empty()), PageRequest.of(Map.of()));
  }

  @Test
  void limitFromOneToHundredIsTaken() {
    assertEquals(1, PageRequest.of(Map.of("limit", "1")).limit());
    assertEquals(100, PageRequest.of(Map.of("limit", "100")).limit());
  }

  @Test
  void limitOutOfRangeOrNotANumberIsRefusedNamingLimit() {
    for (String bad : List.of("0", "101", "-5", "ten", "2.5", "", "99999999999")) {
      InvalidRequest error = assertThrows(InvalidRequest.class, () -> PageRequest.of(Map.of("limit", bad)), bad);
      assertEquals("limit", error.field());
    }
  }
}
