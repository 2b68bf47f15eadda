package com.tickethub.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.tickethub.errors.InvalidRequest;
import com.tickethub.idempotency.Idempotency;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The opaque {@code cursor} of a paged list (API.md, "Listing"): where the next page starts, bound to the list and
 * the caller it was given to. A cursor only ever names a position; the list's own key (the caller's partition) is
 * set by the server, so a forged cursor cannot reach anyone else's items, and one that another list or another
 * caller was given is refused as 400 invalid_request.
 */
public final class Cursors {
  private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};
  private static final String LIST = "l";
  private static final String CALLER = "c";

  private Cursors() {}

  /** The cursor after {@code position} (the last item's key fields) in {@code list} as {@code caller} reads it. */
  public static String encode(String list, String caller, Map<String, String> position) {
    Map<String, String> fields = new LinkedHashMap<>(position);
    fields.put(LIST, list);
    fields.put(CALLER, callerTag(caller));
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(Json.write(fields).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The position a cursor names, or empty for none; 400 naming {@code cursor} when it is not a cursor this list gave
   * this caller.
   */
  public static Optional<Map<String, String>> decode(Optional<String> cursor, String list, String caller) {
    if (cursor.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> fields;
    try {
      fields = new LinkedHashMap<>(Json.stored(new String(Base64.getUrlDecoder().decode(cursor.get()),
          StandardCharsets.UTF_8), FIELDS));
    } catch (RuntimeException notOurs) {
      throw invalid();
    }
    if (!list.equals(fields.remove(LIST)) || !callerTag(caller).equals(fields.remove(CALLER))) {
      throw invalid();
    }
    return Optional.of(fields);
  }

  /** The page size of {@code limit}: 1..100, 20 when absent. */
  public static int limit(Optional<String> limit) {
    if (limit.isEmpty()) {
      return 20;
    }
    try {
      int value = Integer.parseInt(limit.get());
      if (value >= 1 && value <= 100) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // answered below
    }
    throw new InvalidRequest("limit", "must be a whole number from 1 to 100");
  }

  private static String callerTag(String caller) {
    return Idempotency.sha256(caller).substring(0, 16);
  }

  private static InvalidRequest invalid() {
    return new InvalidRequest("cursor", "is not a cursor this list gave you; send nextCursor back unchanged");
  }
}
