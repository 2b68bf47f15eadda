package com.tickethub.seats;

import com.tickethub.auth.Caller;
import com.tickethub.errors.InvalidRequest;
import com.tickethub.errors.NotFound;
import com.tickethub.errors.SeatsUnavailable;
import com.tickethub.events.Event;
import com.tickethub.events.EventService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.inject.Inject;
import javax.inject.Singleton;

/** An event's seat map as anyone reads it, and its organizer taking seats off sale and putting them back. */
@Singleton
public class SeatService {
  private final EventService events;
  private final SeatRepository seats;

  @Inject
  public SeatService(EventService events, SeatRepository seats) {
    this.events = events;
    this.seats = seats;
  }

  /** The layout and every seat's state, from one Query of the rows; 404 for an event without a seat map. */
  public SeatMap map(String eventId) {
    Event event = seated(events.find(eventId));
    List<SeatRow> rows = seats.rows(eventId);
    long version = seats.inventoryVersion(eventId) + rows.stream().mapToLong(SeatRow::version).sum();
    return SeatMap.of(eventId, version, event.seating(), rows);
  }

  /**
   * Takes free seats off sale ({@code B}); blocked ones stay blocked. If any is held or sold: 409
   * seats_unavailable naming them, and nothing changes (rows already blocked by this call are given back).
   */
  public SeatChanges block(Caller caller, String eventId, SeatList request) {
    List<SeatId> ids = request.ids();
    Map<String, SeatRow> rows = rowsOf(caller, eventId, ids);
    refuseHeldOrSold(ids, rows);
    Map<RowKey, List<Integer>> done = new LinkedHashMap<>();
    for (Map.Entry<String, List<Integer>> row : byRow(ids, rows, SeatState.FREE).entrySet()) {
      RowKey key = RowKey.of(eventId, rows.get(row.getKey()).layout());
      SeatChange change = seats.block(key, row.getValue());
      if (!change.refused().isEmpty()) {
        done.forEach(seats::unblock);
        throw unavailable(change.refused().stream().map(n -> new SeatId(key.section(), key.row(), n).toString())
            .toList());
      }
      done.put(key, change.changed());
    }
    return answer(eventId, ids, SeatState.BLOCKED);
  }

  /**
   * Puts blocked seats back on sale; free ones stay free. If any is held or sold: 409 seats_unavailable naming
   * them, and nothing changes. (A blocked seat can only change through its organizer, so once checked, nothing
   * can refuse the writes.)
   */
  public SeatChanges unblock(Caller caller, String eventId, SeatList request) {
    List<SeatId> ids = request.ids();
    Map<String, SeatRow> rows = rowsOf(caller, eventId, ids);
    refuseHeldOrSold(ids, rows);
    byRow(ids, rows, SeatState.BLOCKED).forEach((rowKey, numbers) ->
        seats.unblock(RowKey.of(eventId, rows.get(rowKey).layout()), numbers));
    return answer(eventId, ids, SeatState.FREE);
  }

  /** The rows of the asked seats, for the event's organizer; 400 naming the first seat that does not exist. */
  private Map<String, SeatRow> rowsOf(Caller caller, String eventId, List<SeatId> ids) {
    seated(events.organizedBy(caller, eventId));
    Map<String, SeatRow> rows = seats.rows(eventId, ids.stream().map(SeatId::rowKey).toList());
    for (int i = 0; i < ids.size(); i++) {
      SeatRow row = rows.get(ids.get(i).rowKey());
      if (row == null || !row.layout().exists(ids.get(i).number())) {
        throw new InvalidRequest("seats[" + i + "]", "there is no seat " + ids.get(i) + " in this event");
      }
    }
    return rows;
  }

  private static void refuseHeldOrSold(List<SeatId> ids, Map<String, SeatRow> rows) {
    List<String> refused = ids.stream().filter(id -> {
      SeatState state = rows.get(id.rowKey()).state(id.number());
      return state == SeatState.HELD || state == SeatState.SOLD;
    }).map(SeatId::toString).toList();
    if (!refused.isEmpty()) {
      throw unavailable(refused);
    }
  }

  /** The asked seats that were in {@code state} when read, by row, rows in key order (a fixed order of writes). */
  private static Map<String, List<Integer>> byRow(List<SeatId> ids, Map<String, SeatRow> rows, SeatState state) {
    Map<String, List<Integer>> byRow = new TreeMap<>();
    for (SeatId id : ids) {
      if (rows.get(id.rowKey()).state(id.number()) == state) {
        byRow.computeIfAbsent(id.rowKey(), k -> new ArrayList<>()).add(id.number());
      }
    }
    return byRow;
  }

  private SeatChanges answer(String eventId, List<SeatId> ids, SeatState state) {
    Map<String, String> states = new LinkedHashMap<>();
    ids.forEach(id -> states.put(id.toString(), state.toString()));
    return new SeatChanges(seats.version(eventId), states);
  }

  private static SeatsUnavailable unavailable(List<String> seats) {
    return new SeatsUnavailable(seats, "Held or sold seats cannot be blocked or unblocked: " + String.join(", ", seats));
  }

  private static Event seated(Event event) {
    if (event.seating() == null) {
      throw new NotFound("Event " + event.eventId() + " has no seat map");
    }
    return event;
  }
}
