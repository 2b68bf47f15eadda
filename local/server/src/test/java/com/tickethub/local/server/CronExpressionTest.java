package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** EventBridge cron expressions, evaluated in UTC. */
class CronExpressionTest {
  private static final ZonedDateTime WEDNESDAY = ZonedDateTime.parse("2026-11-25T13:52:30Z");

  @Test
  void everyFifteenMinutes() {
    assertEquals(ZonedDateTime.parse("2026-11-25T14:00Z"), CronExpression.parse("0/15 * * * ? *").next(WEDNESDAY));
  }

  @Test
  void weekdayNamesCountFromSunday() {
    assertEquals(ZonedDateTime.parse("2026-11-30T09:00Z"), CronExpression.parse("0 9 ? * MON *").next(WEDNESDAY));
    assertEquals(ZonedDateTime.parse("2026-11-29T09:00Z"), CronExpression.parse("0 9 ? * 1 *").next(WEDNESDAY));
  }

  @Test
  void firstOfTheMonth() {
    assertEquals(ZonedDateTime.parse("2026-12-01T00:00Z"), CronExpression.parse("0 0 1 * ? *").next(WEDNESDAY));
  }

  @Test
  void unsupportedFormsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 0 L * ? *"));
    assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 0 * *"));
  }
}
