package com.tickethub.local.server;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * EventBridge's six-field cron ({@code minutes hours day-of-month month day-of-week year}, UTC) with
 * {@code * ? , - /} and names (JAN, MON); days of week count from 1 = SUN. The L, W and # forms are not
 * emulated.
 */
final class CronExpression {
  private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
      "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;
  private final BitSet years;

  private CronExpression(String[] f) {
    minutes = field(f[0], 0, 59, List.of(), 0);
    hours = field(f[1], 0, 23, List.of(), 0);
    daysOfMonth = field(f[2], 1, 31, List.of(), 0);
    months = field(f[3], 1, 12, MONTHS, 1);
    daysOfWeek = field(f[4], 1, 7, DAYS, 1);
    years = field(f[5], 1970, 2199, List.of(), 0);
  }

  static CronExpression parse(String expression) {
    String[] fields = expression.trim().toUpperCase(Locale.ROOT).split("\\s+");
    if (fields.length != 6 || expression.matches(".*[LW#].*")) {
      throw new IllegalArgumentException("cron(" + expression + "): the local server reads six fields with * ? , - / only");
    }
    return new CronExpression(fields);
  }

  /** The first matching minute after {@code after}. */
  ZonedDateTime next(ZonedDateTime after) {
    ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    for (int i = 0; i < 366 * 24 * 60 * 5; i++, t = t.plusMinutes(1)) {
      if (minutes.get(t.getMinute()) && hours.get(t.getHour()) && daysOfMonth.get(t.getDayOfMonth())
          && months.get(t.getMonthValue()) && daysOfWeek.get(t.getDayOfWeek().getValue() % 7 + 1)
          && years.get(t.getYear())) {
        return t;
      }
    }
    throw new IllegalStateException("The cron expression never fires in the next five years");
  }

  private static BitSet field(String text, int min, int max, List<String> names, int nameBase) {
    BitSet set = new BitSet();
    for (String part : text.split(",")) {
      String range = part;
      int step = 1;
      if (part.contains("/")) {
        range = part.substring(0, part.indexOf('/'));
        step = Integer.parseInt(part.substring(part.indexOf('/') + 1));
      }
      int from;
      int to;
      if (range.equals("*") || range.equals("?")) {
        from = min;
        to = max;
      } else if (range.contains("-")) {
        from = value(range.substring(0, range.indexOf('-')), names, nameBase);
        to = value(range.substring(range.indexOf('-') + 1), names, nameBase);
      } else {
        from = value(range, names, nameBase);
        to = part.contains("/") ? max : from;
      }
      for (int v = from; v <= to; v += step) {
        set.set(v);
      }
    }
    return set;
  }

  private static int value(String text, List<String> names, int nameBase) {
    int index = names.indexOf(text);
    return index >= 0 ? index + nameBase : Integer.parseInt(text);
  }
}
