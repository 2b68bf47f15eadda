package com.tickethub.seats;

import static com.tickethub.testing.Requests.buyer;
import static com.tickethub.testing.Requests.organizer;
import static com.tickethub.testing.Requests.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tickethub.errors.Forbidden;
import com.tickethub.errors.InvalidRequest;
import com.tickethub.errors.NotFound;
import com.tickethub.errors.SeatsUnavailable;
import com.tickethub.events.EventStats;
import com.tickethub.events.EventView;
import com.tickethub.events.NewEvent;
import com.tickethub.events.TicketTypeView;
import com.tickethub.http.Json;
import com.tickethub.testing.TestStack;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seat map, the event's counts of a seated type, and blocking, through the services. */
class SeatServiceTest {
  private static final Instant EXPIRY = Instant.parse("2099-01-01T00:10:00Z");

  private final SeatedEvent hall = SeatedEvent.smallHall(TestStack.component());
  private final SeatService service = hall.app.seats();
  private final SeatRepository rows = hall.app.seatRows();

  @Test
  void seatMapHasTheLayoutOnceAndOneStateCharacterPerExistingSeat() {
    rows.hold(hall.row("A", "1"), List.of(4, 5), "order-1", 1, EXPIRY);
    rows.block(hall.row("B", "1"), List.of(11));

    SeatMap map = service.map(hall.id());

    assertEquals(2, map.version());
    assertEquals(new Point(100, 0), map.focus());
    assertEquals(List.of("A", "B"), map.sections().stream().map(SeatMap.Section::id).toList());
    assertEquals("Balcony", map.sections().get(1).name());
    assertEquals(new SeatMap.Row("1", 10, 20, 20, 0, 10, "Stalls", List.of(), List.of(1, 10), "FFFHHFFFFF"),
        map.sections().get(0).rows().get(0));
    SeatMap.Row skipping = map.sections().get(0).rows().get(1);
    assertEquals(List.of(5), skipping.skip());
    assertEquals("FFFFFFFFF", skipping.state(), "9 existing seats: 5 is skipped");
    assertEquals("FFFFFFFFFFB", map.sections().get(1).rows().get(0).state());
  }

  @Test
  void seatMapLeavesEmptySkipAndAccessibleOutOfItsJson() {
    String json = Json.write(service.map(hall.id()));

    assertEquals(2, json.split("\"skip\"").length, "only row A-2 has a skip");
    assertEquals(2, json.split("\"accessible\"").length, "only row A-1 has accessible seats");
  }

  @Test
  void eventWithoutSeatingHasNoSeatMap() {
    EventView standing = hall.app.events().create(organizer("org-1"),
        Json.read(resource("events/new-event.json"), NewEvent.class));

    assertThrows(NotFound.class, () -> service.map(standing.eventId()));
  }

  @Test
  void unknownEventHasNoSeatMap() {
    assertThrows(NotFound.class, () -> service.map("no-such-event"));
  }

  @Test
  void mixedEventShowsEachSeatedTypesFreeSeatsBesideTheStandingCount() {
    rows.hold(hall.row("A", "3"), List.of(1, 2, 3), "order-1", 1, EXPIRY);
    rows.block(hall.row("B", "1"), List.of(1));

    EventView view = hall.app.events().get(hall.id());

    assertEquals(Map.of("Standing", 50L, "Stalls", 28L, "Balcony", 10L), available(view));
    assertEquals(Map.of("Standing", false, "Stalls", true, "Balcony", true), seated(view));
    assertEquals(31, type(view, "Stalls").capacity());
  }

  @Test
  void createdEventAnswersWithEverySeatAvailable() {
    assertEquals(Map.of("Standing", 50L, "Stalls", 31L, "Balcony", 11L), available(hall.event));
  }

  @Test
  void statsCountASeatedTypesSeatsPerState() {
    rows.hold(hall.row("A", "1"), List.of(1, 2), "order-1", 1, EXPIRY);
    rows.hold(hall.row("A", "3"), List.of(5, 6, 7), "order-2", 1, EXPIRY);
    rows.commit(hall.row("A", "3"), List.of(5, 6, 7), "order-2", 1);
    rows.block(hall.row("A", "2"), List.of(9, 10));

    EventStats stats = hall.app.events().stats(organizer(hall.organizerId), hall.id());

    EventStats.TicketTypeStats stalls = stats.ticketTypes().get(1);
    assertEquals(new EventStats.TicketTypeStats(hall.typeId("Stalls"), "Stalls", 31, 2, 3, 24, 0, 2L), stalls);
    assertNull(stats.ticketTypes().get(0).blocked(), "a standing type has no blocked count");
    hall.assertCountsExact();
  }

  @Test
  void organizerBlocksFreeSeatsAndGetsTheNewVersion() {
    SeatChanges changes = service.block(organizer(hall.organizerId), hall.id(), seats("A-1-3", "A-3-12"));

    assertEquals(new SeatChanges(2, Map.of("A-1-3", "B", "A-3-12", "B")), changes);
    assertEquals("FFBFFFFFFF", hall.read("A", "1").states());
    hall.assertCountsExact();
  }

  @Test
  void blockingABlockedSeatChangesNothing() {
    service.block(organizer(hall.organizerId), hall.id(), seats("A-1-3"));

    SeatChanges again = service.block(organizer(hall.organizerId), hall.id(), seats("A-1-3"));

    assertEquals(new SeatChanges(1, Map.of("A-1-3", "B")), again);
  }

  @Test
  void blockingAHeldOrSoldSeatIsRefusedNamingItAndChangesNothing() {
    rows.hold(hall.row("A", "3"), List.of(2), "order-1", 1, EXPIRY);
    rows.hold(hall.row("B", "1"), List.of(4), "order-2", 1, EXPIRY);
    rows.commit(hall.row("B", "1"), List.of(4), "order-2", 1);

    SeatsUnavailable refused = assertThrows(SeatsUnavailable.class, () ->
        service.block(organizer(hall.organizerId), hall.id(), seats("A-1-1", "A-3-2", "B-1-4")));

    assertEquals(List.of("A-3-2", "B-1-4"), refused.seats());
    assertEquals("FFFFFFFFFF", hall.read("A", "1").states(), "the free seat asked with them stays free");
  }

  @Test
  void unblockPutsBlockedSeatsBackAndLeavesFreeOnesFree() {
    service.block(organizer(hall.organizerId), hall.id(), seats("B-1-1", "B-1-2"));

    SeatChanges changes = service.unblock(organizer(hall.organizerId), hall.id(), seats("B-1-1", "B-1-2", "B-1-3"));

    assertEquals(new SeatChanges(2, Map.of("B-1-1", "F", "B-1-2", "F", "B-1-3", "F")), changes);
    assertEquals(11, hall.read("B", "1").free());
    hall.assertCountsExact();
  }

  @Test
  void unblockingASoldSeatIsRefused() {
    rows.hold(hall.row("B", "1"), List.of(4), "order-1", 1, EXPIRY);
    rows.commit(hall.row("B", "1"), List.of(4), "order-1", 1);

    SeatsUnavailable refused = assertThrows(SeatsUnavailable.class, () ->
        service.unblock(organizer(hall.organizerId), hall.id(), seats("B-1-4")));

    assertEquals(List.of("B-1-4"), refused.seats());
  }

  @Test
  void seatThatDoesNotExistIsInvalidNamingIt() {
    for (String missing : List.of("A-2-5", "A-1-11", "C-1-1", "A-9-1")) {
      InvalidRequest error = assertThrows(InvalidRequest.class, () ->
          service.block(organizer(hall.organizerId), hall.id(), seats("A-1-1", missing)));

      assertEquals("seats[1]", error.field(), missing);
    }
    assertEquals(10, hall.read("A", "1").free(), "nothing was blocked");
  }

  @Test
  void malformedOrRepeatedSeatIdsAreInvalidNamingThem() {
    assertEquals("seats[1]", field("{\"seats\": [\"A-1-1\", \"A-1\"]}"));
    assertEquals("seats[1]", field("{\"seats\": [\"A-1-1\", \"A-1-01\"]}"));
    assertEquals("seats[1]", field("{\"seats\": [\"A-1-1\", \"A-1-1\"]}"));
    assertEquals("seats[0]", field("{\"seats\": [12]}"));
    assertEquals("seats", field("{\"seats\": []}"));
    assertEquals("seats", field("{}"));
  }

  @Test
  void anotherOrganizerIsForbiddenAndABuyerFindsNothing() {
    assertThrows(Forbidden.class, () -> service.block(organizer("someone-else"), hall.id(), seats("A-1-1")));
    assertThrows(NotFound.class, () -> service.block(buyer("u-1"), hall.id(), seats("A-1-1")));
  }

  private static String field(String body) {
    return assertThrows(InvalidRequest.class, () -> Json.read(body, SeatList.class)).field();
  }

  private static SeatList seats(String... ids) {
    return new SeatList(List.of(ids));
  }

  private static Map<String, Long> available(EventView view) {
    return view.ticketTypes().stream().collect(java.util.stream.Collectors.toMap(TicketTypeView::name,
        TicketTypeView::available));
  }

  private static Map<String, Boolean> seated(EventView view) {
    return view.ticketTypes().stream().collect(java.util.stream.Collectors.toMap(TicketTypeView::name,
        TicketTypeView::seated));
  }

  private static TicketTypeView type(EventView view, String name) {
    return view.ticketTypes().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }
}
