package com.tickethub.http;

import com.tickethub.errors.InvalidRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The field checks the request records share, each failing with a 400 that names the field. */
public final class Validation {
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private Validation() {}

  public static String text(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequest(field, "is required");
    }
    String trimmed = value.strip();
    if (trimmed.length() > maxLength) {
      throw new InvalidRequest(field, "must be at most " + maxLength + " characters");
    }
    return trimmed;
  }

  public static int range(String field, Integer value, int min, int max) {
    if (value == null || value < min || value > max) {
      throw new InvalidRequest(field, "is required, from " + min + " to " + max);
    }
    return value;
  }

  /** An optional ISO-8601 instant such as a query parameter ("2027-03-01T19:30:00Z"). */
  public static Optional<Instant> instant(String field, String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      throw new InvalidRequest(field, "must be an ISO-8601 instant such as 2027-03-01T19:30:00Z");
    }
  }

  public static String currency(String field, String value) {
    if (value == null || !CURRENCY.matcher(value).matches()) {
      throw new InvalidRequest(field, "must be an ISO-4217 code such as EUR");
    }
    return value;
  }

  /** A list of user ids ({@code sub} claims): non-blank, without duplicates, at most {@code max}. */
  public static List<String> subs(String field, List<String> values, int max) {
    if (values.size() > max) {
      throw new InvalidRequest(field, "must have at most " + max + " entries");
    }
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    for (int i = 0; i < values.size(); i++) {
      unique.add(text(field + "[" + i + "]", values.get(i), 128));
    }
    return List.copyOf(unique);
  }
}
