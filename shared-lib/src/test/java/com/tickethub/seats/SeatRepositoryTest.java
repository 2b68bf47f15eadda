package com.tickethub.seats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.testing.CountingDynamo;
import com.tickethub.testing.TestStack;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seat rows' conditional writes against the DynamoDB emulator: what each one guarantees. */
class SeatRepositoryTest {
  private static final Instant EXPIRY = Instant.parse("2099-01-01T00:10:00Z");

  private final SeatedEvent hall = SeatedEvent.smallHall(TestStack.component());
  private final CountingDynamo dynamo = new CountingDynamo("CreateEventFunction");
  private final SeatRepository seats = new SeatRepository(dynamo.client, dynamo.tables);
  private final RowKey a1 = hall.row("A", "1");

  @Test
  void freshRowsHaveEverySeatFreeAndVersionZero() {
    List<SeatRow> rows = seats.rows(hall.id());

    assertEquals(List.of("A#1", "A#2", "A#3", "B#1"), rows.stream().map(r -> r.layout().key()).toList());
    assertEquals(List.of(10L, 9L, 12L, 11L), rows.stream().map(SeatRow::free).toList());
    assertEquals("FFFFFFFFF", rows.get(1).states());
    assertEquals(0, seats.version(hall.id()));
    assertEquals(Map.of(hall.typeId("Stalls"), 31L, hall.typeId("Balcony"), 11L), seats.free(hall.id()));
  }

  @Test
  void holdTakesSeveralSeatsOfARowInOneConditionalWrite() {
    dynamo.reset();

    SeatHold hold = seats.hold(a1, List.of(4, 5, 6), "order-1", 1, EXPIRY);

    assertTrue(hold.held());
    assertEquals(1, dynamo.total(), "one UpdateItem, no read");
    SeatRow row = hall.read("A", "1");
    assertEquals("FFFHHHFFFF", row.states());
    assertEquals(new SeatEntry(SeatState.HELD, "order-1", 1L, EXPIRY.getEpochSecond()), row.taken().get(5));
    assertEquals(7, row.free());
    assertEquals(1, row.version());
    hall.assertCountsExact();
  }

  @Test
  void holdFailsNamingTheSeatsNotFreeAndHoldsNothingInTheRow() {
    seats.hold(a1, List.of(5), "order-1", 1, EXPIRY);
    seats.block(a1, List.of(7));

    SeatHold hold = seats.hold(a1, List.of(4, 5, 6, 7), "order-2", 1, EXPIRY);

    assertEquals(List.of(5, 7), hold.unavailable());
    assertEquals("FFFFHFBFFF", hall.read("A", "1").states());
    hall.assertCountsExact();
  }

  @Test
  void holdIfFreeIsOneWriteThatHoldsAllOrNothingAndReadsNothing() {
    seats.hold(a1, List.of(5), "order-1", 1, EXPIRY);
    dynamo.reset();

    assertFalse(seats.holdIfFree(a1, List.of(4, 5), "order-2", 1, EXPIRY));
    assertTrue(seats.holdIfFree(a1, List.of(3, 4), "order-2", 1, EXPIRY));

    assertEquals(2, dynamo.total(), "two UpdateItems, no read");
    assertEquals("FFHHHFFFFF", hall.read("A", "1").states());
    hall.assertCountsExact();
  }

  @Test
  void holdIfFreeRefusedByItsOwnEarlierSuccessIsGivenBackInOneWrite() {
    assertTrue(seats.holdIfFree(a1, List.of(3, 4), "order-1", 1, EXPIRY));
    assertFalse(seats.holdIfFree(a1, List.of(3, 4), "order-1", 1, EXPIRY)); // what an SDK retry of it sees
    dynamo.reset();

    assertTrue(seats.releaseIfAllHeld(a1, List.of(3, 4), "order-1", 1));

    assertEquals(1, dynamo.total(), "one UpdateItem, no read");
    assertEquals("FFFFFFFFFF", hall.read("A", "1").states());
    hall.assertCountsExact();
  }

  @Test
  void releaseIfAllHeldLeavesAnotherOrdersOrGenerationsSeatsAlone() {
    seats.hold(a1, List.of(3, 4), "order-1", 2, EXPIRY);

    assertFalse(seats.releaseIfAllHeld(a1, List.of(3, 4), "order-2", 2));
    assertFalse(seats.releaseIfAllHeld(a1, List.of(3, 4), "order-1", 1));

    assertEquals("FFHHFFFFFF", hall.read("A", "1").states());
    hall.assertCountsExact();
  }

  @Test
  void retryOfTheSameOrderAndGenerationHoldsNothingTwice() {
    seats.hold(a1, List.of(4, 5), "order-1", 1, EXPIRY);

    SeatHold again = seats.hold(a1, List.of(4, 5), "order-1", 1, EXPIRY);

    assertTrue(again.held());
    assertEquals(8, hall.read("A", "1").free());
    hall.assertCountsExact();
  }

  @Test
  void newerGenerationOfTheSameOrderAdoptsItsOlderHoldAndTakesTheRest() {
    seats.hold(a1, List.of(4, 5), "order-1", 1, EXPIRY);

    assertTrue(seats.hold(a1, List.of(4, 5, 6), "order-1", 2, EXPIRY.plusSeconds(60)).held());

    SeatRow row = hall.read("A", "1");
    assertEquals(new SeatEntry(SeatState.HELD, "order-1", 2L, EXPIRY.getEpochSecond() + 60), row.taken().get(4));
    assertEquals(2L, row.taken().get(6).generation());
    assertEquals(List.of(), seats.release(a1, List.of(4, 5), "order-1", 1), "the older generation's release is stale");
    hall.assertCountsExact();
  }

  @Test
  void olderGenerationDoesNotTakeBackSeatsANewerOneHolds() {
    seats.hold(a1, List.of(4, 5), "order-1", 2, EXPIRY);

    assertEquals(List.of(4, 5), seats.hold(a1, List.of(4, 5), "order-1", 1, EXPIRY).unavailable());
  }

  @Test
  void newerGenerationDoesNotAdoptSeatsTheOrderAlreadyBought() {
    seats.hold(a1, List.of(4), "order-1", 1, EXPIRY);
    seats.commit(a1, List.of(4), "order-1", 1);

    assertEquals(List.of(4), seats.hold(a1, List.of(4), "order-1", 2, EXPIRY).unavailable());
  }

  @Test
  void expiredReleaseFreesOnlyHoldsPastTheirExpiry() {
    seats.hold(a1, List.of(1), "order-1", 1, EXPIRY);

    assertEquals(List.of(), seats.releaseExpired(a1, List.of(1), "order-1", 1, EXPIRY.minusSeconds(1)));
    assertEquals(List.of(1), seats.releaseExpired(a1, List.of(1), "order-1", 1, EXPIRY));
    assertEquals(10, hall.read("A", "1").free());
  }

  @Test
  void releaseFreesOnlyTheSeatsThisOrdersGenerationStillHolds() {
    seats.hold(a1, List.of(1, 2), "order-1", 1, EXPIRY);
    seats.hold(a1, List.of(3), "order-2", 1, EXPIRY);

    List<Integer> released = seats.release(a1, List.of(1, 2, 3), "order-1", 1);

    assertEquals(List.of(1, 2), released);
    assertEquals("FFHFFFFFFF", hall.read("A", "1").states());
    hall.assertCountsExact();
  }

  @Test
  void secondReleaseFreesNothing() {
    seats.hold(a1, List.of(1, 2), "order-1", 1, EXPIRY);
    seats.release(a1, List.of(1, 2), "order-1", 1);

    assertEquals(List.of(), seats.release(a1, List.of(1, 2), "order-1", 1));
    assertEquals(10, hall.read("A", "1").free());
  }

  @Test
  void staleReleaseDoesNotFreeSeatsANewerGenerationHolds() {
    seats.hold(a1, List.of(1, 2), "order-1", 1, EXPIRY);
    seats.release(a1, List.of(1, 2), "order-1", 1);
    seats.hold(a1, List.of(1, 2), "order-1", 2, EXPIRY);

    assertEquals(List.of(), seats.release(a1, List.of(1, 2), "order-1", 1));
    assertEquals("HHFFFFFFFF", hall.read("A", "1").states());
    assertEquals(2L, hall.read("A", "1").taken().get(1).generation());
  }

  @Test
  void commitTurnsTheHoldsIntoSalesWithoutMovingFree() {
    seats.hold(a1, List.of(4, 5), "order-1", 1, EXPIRY);

    assertEquals(List.of(), seats.commit(a1, List.of(4, 5), "order-1", 1));

    SeatRow row = hall.read("A", "1");
    assertEquals("FFFSSFFFFF", row.states());
    assertNull(row.taken().get(4).expiresAt(), "a sale does not expire");
    assertEquals(8, row.free());
    assertEquals(List.of(), seats.commit(a1, List.of(4, 5), "order-1", 1), "a retry finds them sold to the order");
    hall.assertCountsExact();
  }

  @Test
  void commitSellsNothingWhenASeatIsNoLongerTheOrders() {
    seats.hold(a1, List.of(4, 5), "order-1", 1, EXPIRY);
    seats.release(a1, List.of(5), "order-1", 1);
    seats.hold(a1, List.of(5), "order-2", 1, EXPIRY);

    assertEquals(List.of(5), seats.commit(a1, List.of(4, 5), "order-1", 1));
    assertEquals("FFFHHFFFFF", hall.read("A", "1").states());
  }

  @Test
  void returnPutsSoldSeatsBackOnSaleOnceEvenAfterTheyAreSoldAgain() {
    seats.hold(a1, List.of(1), "order-1", 1, EXPIRY);
    seats.commit(a1, List.of(1), "order-1", 1);

    assertEquals(List.of(1), seats.returnSold(a1, List.of(1), "order-1", 1));
    seats.hold(a1, List.of(1), "order-2", 1, EXPIRY);
    seats.commit(a1, List.of(1), "order-2", 1);

    assertEquals(List.of(), seats.returnSold(a1, List.of(1), "order-1", 1));
    assertEquals("order-2", hall.read("A", "1").taken().get(1).orderId());
    hall.assertCountsExact();
  }

  @Test
  void returnLeavesHeldSeatsAlone() {
    seats.hold(a1, List.of(1), "order-1", 1, EXPIRY);

    assertEquals(List.of(), seats.returnSold(a1, List.of(1), "order-1", 1));
    assertEquals(SeatState.HELD, hall.read("A", "1").state(1));
  }

  @Test
  void blockTakesFreeSeatsAndLeavesBlockedOnesBlocked() {
    seats.block(a1, List.of(1, 2));

    SeatChange change = seats.block(a1, List.of(2, 3));

    assertEquals(List.of(3), change.changed());
    assertEquals("BBBFFFFFFF", hall.read("A", "1").states());
    hall.assertCountsExact();
  }

  @Test
  void blockOfAHeldSeatBlocksNothingInTheRow() {
    seats.hold(a1, List.of(3), "order-1", 1, EXPIRY);

    SeatChange change = seats.block(a1, List.of(1, 2, 3));

    assertEquals(List.of(3), change.refused());
    assertEquals("FFHFFFFFFF", hall.read("A", "1").states());
    hall.assertCountsExact();
  }

  @Test
  void wholeRowOf200SeatsBlocksAndUnblocksInWritesOf50() {
    SeatedEvent big = new SeatedEvent(TestStack.component(), "seats/long-row.json", "org-long");
    RowKey row = big.row("A", "1");
    List<Integer> all = java.util.stream.IntStream.rangeClosed(1, 200).boxed().toList();
    dynamo.reset();

    assertEquals(200, seats.block(row, all).changed().size());
    assertEquals(4, dynamo.count("UpdateItem"));
    assertEquals("B".repeat(200), big.read("A", "1").states());
    assertEquals(200, seats.unblock(row, all).size());
    assertEquals(0, big.read("A", "1").taken().size());
    big.assertCountsExact();
  }

  @Test
  void unblockFreesBlockedSeatsOnlyAndLeavesHeldOnesAlone() {
    seats.block(a1, List.of(1));
    seats.hold(a1, List.of(2), "order-1", 1, EXPIRY);

    assertEquals(List.of(1), seats.unblock(a1, List.of(1, 2, 3)));
    assertEquals("FHFFFFFFFF", hall.read("A", "1").states());
    hall.assertCountsExact();
  }

  @Test
  void versionIsTheSumOfTheRowsChangeCountersAndGrowsWithEveryChange() {
    seats.hold(a1, List.of(1, 2), "order-1", 1, EXPIRY);
    seats.commit(a1, List.of(1, 2), "order-1", 1);
    seats.block(hall.row("B", "1"), List.of(11));

    assertEquals(3, seats.version(hall.id()));
    assertEquals(2, hall.read("A", "1").version());
    assertFalse(seats.hold(a1, List.of(1), "order-2", 1, EXPIRY).held());
    assertEquals(3, seats.version(hall.id()), "a refused hold changes nothing");
  }
}
