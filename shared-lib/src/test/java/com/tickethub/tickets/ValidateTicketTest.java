package com.tickethub.tickets;

import static com.tickethub.testing.Requests.buyer;
import static com.tickethub.testing.Requests.organizer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.auth.Caller;
import com.tickethub.errors.Forbidden;
import com.tickethub.errors.TicketRejected;
import com.tickethub.events.EventView;
import com.tickethub.events.StaffList;
import com.tickethub.testing.Backends;
import com.tickethub.testing.MutableClock;
import com.tickethub.verifier.TicketCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

class ValidateTicketTest {
  private static final TicketKeyRing KEYS = TicketKeyRing.generate();

  private final MutableClock clock = new MutableClock(Instant.parse("2027-01-01T18:00:00Z"));
  private final TicketFixtures fixtures = new TicketFixtures(clock);
  private final TicketService service = fixtures.service(KEYS);
  private final TicketCodes codes = new TicketCodes(KEYS);
  private final EventView event = fixtures.event("org-v", "scanner-v");
  private final Caller scanner = new Caller("scanner-v", Set.of("staff"));

  private Scan scan(Caller caller, String code, String gate) {
    return service.validate(caller, new ValidateRequest(code, event.eventId(), gate));
  }

  private TicketRejected rejected(Caller caller, String code) {
    return assertThrows(TicketRejected.class, () -> scan(caller, code, "North"));
  }

  @Test
  void firstScanIsValidWithTicketTypeAndTime() {
    Ticket ticket = fixtures.ticket(event, "buyer-1");

    Scan scan = scan(scanner, codes.codeFor(ticket), "North");

    assertEquals(ScanResult.VALID, scan.result());
    assertEquals(ticket.ticketId(), scan.ticketId());
    assertEquals(ticket.ticketTypeId(), scan.ticketTypeId());
    assertEquals("General", scan.ticketTypeName());
    assertEquals(clock.instant(), scan.checkedInAt());
    assertEquals("North", scan.gate());
  }

  @Test
  void secondScanOfSameTicketIsAlreadyUsedWithTheFirstCheckIn() {
    Ticket ticket = fixtures.ticket(event, "buyer-1");
    String code = codes.codeFor(ticket);
    Instant first = scan(scanner, code, "North").checkedInAt();
    clock.advance(Duration.ofMinutes(5));

    TicketRejected again = assertThrows(TicketRejected.class, () -> scan(scanner, code, "South"));

    assertEquals(ScanResult.ALREADY_USED, again.scan().result());
    assertEquals(409, again.status());
    assertEquals(first, again.scan().checkedInAt());
    assertEquals("North", again.scan().gate());
  }

  @Test
  @DisabledIfEnvironmentVariable(named = "TICKETHUB_TEST_BACKEND", matches = "moto",
      disabledReason = Backends.MOTO_DOES_NOT_SERIALIZE_WRITES)
  void sixteenGatesScanningOneTicketAtOnceAdmitItExactlyOnce() throws Exception {
    Ticket ticket = fixtures.ticket(event, "buyer-1");
    String code = codes.codeFor(ticket);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Callable<Scan>> gates = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String gate = "Gate-" + i;
      gates.add(() -> {
        try {
          return scan(scanner, code, gate);
        } catch (TicketRejected e) {
          return e.scan();
        }
      });
    }
    List<Scan> scans = new ArrayList<>();
    try {
      for (Future<Scan> result : pool.invokeAll(gates)) {
        scans.add(result.get());
      }
    } finally {
      pool.shutdown();
    }

    List<Scan> valid = scans.stream().filter(s -> s.result() == ScanResult.VALID).toList();
    assertEquals(1, valid.size());
    for (Scan other : scans) {
      if (other != valid.get(0)) {
        assertEquals(ScanResult.ALREADY_USED, other.result());
        assertEquals(valid.get(0).checkedInAt(), other.checkedInAt());
        assertEquals(valid.get(0).gate(), other.gate());
      }
    }
  }

  @Test
  void rejectedCodesCostNoDatabaseAccessAndChangeNothing() {
    Ticket ticket = fixtures.ticket(event, "buyer-1");
    String genuine = codes.codeFor(ticket);
    Map<String, ?> before = fixtures.item(ticket);
    String payload = genuine.substring(0, genuine.lastIndexOf('.'));
    String signature = genuine.substring(genuine.lastIndexOf('.'));
    String otherTicket = new TicketCode(KEYS.activeKeyId(), UUID.randomUUID(), 0, UUID.fromString(event.eventId()))
        .signedText();
    TicketKeyRing forger = TicketKeyRing.generate();
    Map<String, String> bad = Map.of(
        "forged", new TicketCodes(forger).codeFor(ticket),
        "altered payload", otherTicket + signature,
        "truncated", genuine.substring(0, genuine.length() - 3),
        "wrong key id", payload.replace(KEYS.activeKeyId() + ".", forger.activeKeyId() + ".") + signature,
        "random bytes", "\u0000\u00ff\u0007garbage\ud83d\ude00..",
        "empty", "",
        "10 KB", TicketCode.VERSION + "." + "A".repeat(10 * 1024));
    int requestsBefore = fixtures.dynamoRequests.get();

    bad.forEach((what, code) ->
        assertEquals(ScanResult.INVALID, rejected(scanner, code).scan().result(), what));

    assertEquals(requestsBefore, fixtures.dynamoRequests.get(), "no read and no write for a rejected code");
    assertEquals(before, fixtures.item(ticket));
  }

  @Test
  void genuineTicketOfAnotherEventIsWrongEventAndStaysUnused() {
    EventView other = fixtures.event("org-v", "scanner-v");
    Ticket ticket = fixtures.ticket(other, "buyer-1");
    Map<String, ?> before = fixtures.item(ticket);

    TicketRejected wrong = rejected(scanner, codes.codeFor(ticket));

    assertEquals(ScanResult.WRONG_EVENT, wrong.scan().result());
    assertEquals(422, wrong.status());
    assertEquals(before, fixtures.item(ticket));
  }

  @Test
  void ticketOfRefundedOrderIsVoidAndStaysVoid() {
    Ticket ticket = fixtures.ticket(event, "buyer-1");
    fixtures.refund(ticket);
    Map<String, ?> before = fixtures.item(ticket);

    TicketRejected voided = rejected(scanner, codes.codeFor(ticket));

    assertEquals(ScanResult.VOID, voided.scan().result());
    assertEquals(before, fixtures.item(ticket));
  }

  @Test
  void genuineCodeOfUnknownTicketIsInvalid() {
    String noOrder = UUID.randomUUID().toString();
    TicketRejected unknown = rejected(scanner, codes.codeFor(new Ticket(Ticket.idFor(noOrder, 0), noOrder, 0,
        event.eventId(), event.ticketTypes().get(0).ticketTypeId(), "buyer-1", TicketStatus.ISSUED, null, null)));

    assertEquals(ScanResult.INVALID, unknown.scan().result());
  }

  @Test
  void staffOfAnotherEventCannotValidate() {
    fixtures.event("org-v", "scanner-elsewhere");
    Ticket ticket = fixtures.ticket(event, "buyer-1");

    assertThrows(Forbidden.class, () -> scan(new Caller("scanner-elsewhere", Set.of("staff")),
        codes.codeFor(ticket), "North"));
  }

  @Test
  void listedScannerWithoutTheStaffGroupCannotValidate() {
    Ticket ticket = fixtures.ticket(event, "buyer-1");

    assertThrows(Forbidden.class, () -> scan(new Caller("scanner-v", Set.of()), codes.codeFor(ticket), "North"));
    assertEquals(TicketStatus.ISSUED, fixtures.reread(ticket).status());
  }

  @Test
  void buyerCannotValidateEvenTheirOwnTicket() {
    Ticket ticket = fixtures.ticket(event, "buyer-1");

    assertThrows(Forbidden.class, () -> scan(buyer("buyer-1"), codes.codeFor(ticket), "N"));
    assertEquals(TicketStatus.ISSUED, fixtures.reread(ticket).status());
  }

  @Test
  void organizerCanValidate() {
    Ticket ticket = fixtures.ticket(event, "buyer-1");

    Scan scan = scan(organizer("org-v"), codes.codeFor(ticket), "Office");

    assertEquals(ScanResult.VALID, scan.result());
  }

  @Test
  void scannerAddedLaterByTheOrganizerCanValidate() {
    Ticket ticket = fixtures.ticket(event, "buyer-1");
    fixtures.app.events().replaceStaff(organizer("org-v"), event.eventId(),
        new StaffList(List.of("scanner-v", "scanner-late")));

    Scan scan = scan(new Caller("scanner-late", Set.of("staff")), codes.codeFor(ticket), "E");

    assertEquals(ScanResult.VALID, scan.result());
  }

  @Test
  void scannerAddedAfterTheStaffListWasCachedCanValidateAtOnce() {
    List<Ticket> tickets = fixtures.tickets(event, "buyer-1", 2);
    scan(scanner, codes.codeFor(tickets.get(0)), "N"); // the container now holds the event with the old list
    fixtures.app.events().replaceStaff(organizer("org-v"), event.eventId(),
        new StaffList(List.of("scanner-v", "scanner-late")));

    Scan scan = scan(new Caller("scanner-late", Set.of("staff")), codes.codeFor(tickets.get(1)), "E");

    assertEquals(ScanResult.VALID, scan.result());
  }

  @Test
  void scannerRemovedFromStaffIsRefusedOnceTheCachedListIsThirtySecondsOld() {
    List<Ticket> tickets = fixtures.tickets(event, "buyer-1", 3);
    scan(scanner, codes.codeFor(tickets.get(0)), "N");
    fixtures.app.events().replaceStaff(organizer("org-v"), event.eventId(), new StaffList(List.of()));
    clock.advance(Duration.ofSeconds(29));

    assertEquals(ScanResult.VALID, scan(scanner, codes.codeFor(tickets.get(1)), "N").result()); // the stale window
    clock.advance(Duration.ofSeconds(1));
    assertThrows(Forbidden.class, () -> scan(scanner, codes.codeFor(tickets.get(2)), "N"));
    assertEquals(TicketStatus.ISSUED, fixtures.reread(tickets.get(2)).status());
  }

  @Test
  void scanOfAnEventReadInTheLastThirtySecondsIsOneRequest() {
    List<Ticket> tickets = fixtures.tickets(event, "buyer-1", 2);
    scan(scanner, codes.codeFor(tickets.get(0)), "N");
    clock.advance(Duration.ofSeconds(20));
    int before = fixtures.dynamoRequests.get();

    assertEquals(ScanResult.VALID, scan(scanner, codes.codeFor(tickets.get(1)), "N").result());

    assertEquals(1, fixtures.dynamoRequests.get() - before, "only the check-in's conditional update");
  }

  @Test
  void codesSignedBeforeAKeyRotationStillValidateAndNewCodesUseTheNewKey() {
    TicketKeyRing rotated = KEYS.rotate();
    TicketService afterRotation = fixtures.service(rotated);
    Ticket old = fixtures.ticket(event, "buyer-1");
    String oldCode = codes.codeFor(old);
    Ticket fresh = fixtures.ticket(event, "buyer-1");

    Scan scan = afterRotation.validate(scanner, new ValidateRequest(oldCode, event.eventId(), "North"));
    String newCode = afterRotation.get(buyer("buyer-1"), fresh.ticketId()).code();

    assertEquals(ScanResult.VALID, scan.result());
    assertTrue(newCode.startsWith(TicketCode.VERSION + "." + rotated.activeKeyId() + "."), newCode);
    assertEquals(ScanResult.VALID,
        afterRotation.validate(scanner, new ValidateRequest(newCode, event.eventId(), "North")).result());
  }
}
