package com.tickethub.paging;

import com.tickethub.errors.InvalidRequest;
import java.util.Map;
import java.util.Optional;

/** The paging parameters every list route takes: {@code limit} 1..100 (default 20) and the {@code cursor} it gave. */
public record PageRequest(int limit, Optional<String> cursor) {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  public static PageRequest of(Map<String, String> query) {
    String limit = query.get("limit");
    int parsed = DEFAULT_LIMIT;
    if (limit != null) {
      try {
        parsed = Integer.parseInt(limit);
      } catch (NumberFormatException e) {
        parsed = 0;
      }
      if (parsed < 1 || parsed > MAX_LIMIT) {
        throw new InvalidRequest("limit", "must be a whole number from 1 to " + MAX_LIMIT);
      }
    }
    return new PageRequest(parsed, Optional.ofNullable(query.get("cursor")));
  }
}
