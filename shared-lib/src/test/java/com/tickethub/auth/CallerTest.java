package com.tickethub.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.errors.Forbidden;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CallerTest {

  @ParameterizedTest
  @ValueSource(strings = {"[organizer staff]", "[\"organizer\",\"staff\"]", "organizer,staff", "organizer staff"})
  void groupsAreReadInEveryFormTheAuthorizerUses(String claim) {
    Caller caller = Caller.fromClaims(Map.of("sub", "u1", "cognito:groups", claim)).orElseThrow();

    assertEquals(Set.of("organizer", "staff"), caller.groups());
  }

  @Test
  void callerWithoutGroupsIsABuyer() {
    Caller caller = Caller.fromClaims(Map.of("sub", "u1")).orElseThrow();

    assertThrows(Forbidden.class, () -> caller.require(Role.ORGANIZER));
  }

  @Test
  void claimsWithoutSubAreNoCaller() {
    assertTrue(Caller.fromClaims(Map.of("cognito:groups", "[organizer]")).isEmpty());
  }
}
