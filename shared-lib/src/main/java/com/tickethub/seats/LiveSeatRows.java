package com.tickethub.seats;

import com.tickethub.events.EventRepository;
import com.tickethub.http.Json;
import com.tickethub.live.LiveMessages;
import com.tickethub.live.SeatStock;
import com.tickethub.live.Stock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Live availability's view of the seat rows: a row item (as read, or an image of a stream record) decoded into
 * its seats' states and its type's free seats, and the seat map a snapshot carries, built from the rows the
 * snapshot's stock read (so the map's {@code version} is the snapshot's).
 */
@Singleton
public class LiveSeatRows implements SeatStock {
  /**
   * The largest seat map a snapshot carries: a WebSocket message is at most 128 KB, and the rest of the snapshot
   * needs room. A bigger map (beyond about 35,000 seats) is read over HTTP instead; the snapshot's seats are null.
   */
  static final int MAX_SNAPSHOT_MAP_BYTES = 96 * 1024;

  private final EventRepository events;

  @Inject
  public LiveSeatRows(EventRepository events) {
    this.events = events;
  }

  @Override
  public String rowPrefix() {
    return SeatRepository.ROW;
  }

  @Override
  public Map<String, String> states(Map<String, AttributeValue> item) {
    if (!isRow(item)) {
      return Map.of();
    }
    SeatRow row = SeatRepository.toRow(item);
    Map<String, String> states = new LinkedHashMap<>();
    for (int n : row.layout().numbers()) {
      states.put(row.layout().seat(n).toString(), row.state(n).toString());
    }
    return states;
  }

  @Override
  public Optional<LiveMessages.TypeAvailability> free(Map<String, AttributeValue> item) {
    if (!isRow(item)) {
      return Optional.empty();
    }
    return Optional.of(new LiveMessages.TypeAvailability(item.get("ticketTypeId").s(),
        Long.parseLong(item.get("free").n())));
  }

  @Override
  public Object seatMap(Stock stock) {
    List<SeatRow> rows = stock.items().entrySet().stream()
        .filter(item -> item.getKey().startsWith(SeatRepository.ROW))
        .map(item -> SeatRepository.toRow(item.getValue()))
        .toList();
    if (rows.isEmpty()) {
      return null;
    }
    return events.find(stock.eventId())
        .filter(event -> event.seating() != null)
        .map(event -> SeatMap.of(stock.eventId(), stock.version(), event.seating(), rows))
        .filter(map -> Json.write(map).length() <= MAX_SNAPSHOT_MAP_BYTES)
        .orElse(null);
  }

  /** An image of a row item: an item the batch created has an empty image before it, a removed one none after. */
  private static boolean isRow(Map<String, AttributeValue> item) {
    return item != null && item.containsKey("sk") && item.get("sk").s().startsWith(SeatRepository.ROW)
        && item.containsKey("seats");
  }
}
