package com.tickethub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ScenarioPropertyTest {
  /** Scenarios of 10 to 30 digits; the "bug": a 3 somewhere before a 7. */
  private static final ScenarioProperty<Integer> NO_THREE_BEFORE_SEVEN = new ScenarioProperty<>(
      draw -> draw.list(10, 30, () -> draw.between(0, 9)), step -> List.of(), ScenarioPropertyTest::noThreeBeforeSeven);

  @Test
  void aFailingScenarioShrinksToTheStepsThatMakeItFailWithTheirFailure() {
    String report = assertThrows(AssertionError.class, () -> NO_THREE_BEFORE_SEVEN.check("digits", 200, 1))
        .getMessage();

    assertTrue(report.matches("(?s).*steps to 2 in \\d+ runs:\n  3\n  7\n3 before 7\nThe scenario drawn:.*"), report);
  }

  @Test
  void stepsThatMatterAreReplacedBySimplerOnesThatStillFail() {
    ScenarioProperty<Integer> belowSix = new ScenarioProperty<>(
        draw -> draw.list(1, 10, () -> draw.between(0, 9)),
        step -> step > 0 ? List.of(step - 1) : List.of(),
        steps -> steps.forEach(step -> {
          if (step >= 6) {
            throw new AssertionError(step + " is not below 6");
          }
        }));

    String report = assertThrows(AssertionError.class, () -> belowSix.check("digits", 200, 1)).getMessage();

    assertTrue(report.contains("steps to 1 in ") && report.contains(":\n  6\n6 is not below 6"), report);
  }

  @Test
  void theReportedSeedDrawsTheFailingScenarioAgainAsTheFirstTry() {
    AssertionError failure = assertThrows(AssertionError.class, () -> NO_THREE_BEFORE_SEVEN.check("digits", 200, 42));
    Matcher seed = Pattern.compile("seed (-?\\d+) \\(").matcher(failure.getMessage());
    assertTrue(seed.find(), failure.getMessage());

    AssertionError replayed = assertThrows(AssertionError.class,
        () -> NO_THREE_BEFORE_SEVEN.check("digits", 1, Long.parseLong(seed.group(1))));

    assertTrue(replayed.getMessage().startsWith("digits failed on try 1, seed " + seed.group(1)), replayed.getMessage());
    assertEquals(drawn(failure), drawn(replayed));
  }

  @Test
  void aPropertyThatHoldsPassesEveryTry() {
    new ScenarioProperty<Integer>(draw -> draw.list(0, 5, () -> draw.between(0, 2)), step -> List.of(),
        ScenarioPropertyTest::noThreeBeforeSeven).check("small digits", 50, 7);
  }

  private static void noThreeBeforeSeven(List<Integer> steps) {
    int three = steps.indexOf(3);
    if (three >= 0 && steps.subList(three, steps.size()).contains(7)) {
      throw new AssertionError("3 before 7");
    }
  }

  private static String drawn(AssertionError failure) {
    return failure.getMessage().substring(failure.getMessage().indexOf("The scenario drawn:"));
  }
}
