package com.tickethub.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.errors.Forbidden;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP API hands array claims over as {@code [a b]}: read exactly, a group is a whole element. */
class CallerTest {

  @Test
  void groupsAreTheElementsOfTheHttpApiArrayForm() {
    assertEquals(Set.of("organizer", "staff"), groups("[organizer staff]"));
  }

  @Test
  void aStringClaimIsOneGroup() {
    assertEquals(Set.of("organizer"), groups("organizer"));
  }

  @Test
  void anEmptyArrayIsNoGroup() {
    assertEquals(Set.of(), groups("[]"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[x,organizer]", "[[organizer]]", "[\"organizer\"]", "[organizer,staff]",
      "x,organizer", "organizer staff", "[organizer", "organizer]", "[Organizer]", "[organizer\tstaff]"})
  void groupNamesThatMerelyContainOrganizerDoNotGrantIt(String claim) {
    Caller caller = Caller.fromClaims(Map.of("sub", "u1", "cognito:groups", claim)).orElseThrow();

    assertFalse(caller.has(Role.ORGANIZER), claim + " -> " + caller.groups());
  }

  @Test
  void aGroupNamedLikeAnotherIsKeptWhole() {
    assertEquals(Set.of("x,organizer", "staff"), groups("[x,organizer staff]"));
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

  private static Set<String> groups(String claim) {
    return Caller.fromClaims(Map.of("sub", "u1", "cognito:groups", claim)).orElseThrow().groups();
  }
}
