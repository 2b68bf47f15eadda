package com.tickethub.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The messages a live connection receives, exactly as the contract spells them (API.md, "Live availability"). */
public final class LiveMessages {
  private LiveMessages() {}

  public record TypeAvailability(String ticketTypeId, long available) {}

  /** The event's whole availability, the answer to {@code subscribe}. {@code seats} is the seat map body or null. */
  public record Snapshot(String type, String eventId, long version, List<TypeAvailability> ticketTypes, Object seats) {}

  /** What changed from {@code fromVersion} to {@code version}, as absolute counts and states. */
  public record Changes(String type, String eventId, long fromVersion, long version, List<TypeAvailability> ticketTypes,
      Map<String, String> seats) {}

  public record Error(String type, String code, String detail) {}

  public static Snapshot snapshot(Stock stock, SeatStock seats) {
    return new Snapshot("snapshot", stock.eventId(), stock.version(), types(stock), seats.seatMap(stock));
  }

  /**
   * The changes of {@code batch} as of {@code stock} (read after it): every ticket type's count (a handful of
   * numbers, and complete however many writes landed meanwhile), and each seat of a touched row whose state
   * now differs from before the batch.
   */
  public static Changes changes(Stock stock, long fromVersion, Coalescing.EventBatch batch, SeatStock seats) {
    Map<String, String> changed = new TreeMap<>();
    batch.before().forEach((sk, before) -> {
      Map<String, AttributeValue> now = stock.items().getOrDefault(sk, Map.of());
      Map<String, String> old = seats.states(before);
      seats.states(now).forEach((seat, state) -> {
        if (!state.equals(old.get(seat))) {
          changed.put(seat, state);
        }
      });
    });
    return new Changes("changes", stock.eventId(), fromVersion, stock.version(), types(stock), changed);
  }

  public static Error error(String code, String detail) {
    return new Error("error", code, detail);
  }

  private static List<TypeAvailability> types(Stock stock) {
    List<TypeAvailability> types = new ArrayList<>();
    stock.available().forEach((type, available) -> types.add(new TypeAvailability(type, available)));
    return types;
  }
}
