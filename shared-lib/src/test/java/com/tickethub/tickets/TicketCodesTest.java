package com.tickethub.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.testing.Requests;
import com.tickethub.verifier.TicketCode;
import com.tickethub.verifier.TicketCodeVerifier;
import com.tickethub.verifier.Verification;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketCodesTest {
  private final TicketKeyRing keys = TicketKeyRing.generate();
  private final TicketCodes codes = new TicketCodes(keys);

  private static Ticket ticket(UUID order, int position, UUID event) {
    return new Ticket(Ticket.idFor(order.toString(), position), order.toString(), position, event.toString(), "type",
        "holder", TicketStatus.ISSUED, null, null);
  }

  private static Ticket anyTicket() {
    return ticket(UUID.randomUUID(), 0, UUID.randomUUID());
  }

  @Test
  void codeFitsQrVersion8AtLevelMForAnyIdsAndPositions() {
    UUID[] extremes = {new UUID(0, 0), new UUID(-1, -1), UUID.randomUUID()};
    for (UUID order : extremes) {
      for (UUID event : extremes) {
        for (int position : new int[] {0, 49, TicketCode.MAX_POSITION}) {
          String code = codes.codeFor(ticket(order, position, event));
          assertTrue(code.length() <= 152, code);
          assertTrue(code.matches("TH2\\.[A-Za-z0-9_.-]+"), code);
        }
      }
    }
  }

  @Test
  void sameTicketAlwaysGetsTheSameCode() {
    Ticket ticket = anyTicket();

    assertEquals(codes.codeFor(ticket), new TicketCodes(keys).codeFor(ticket));
  }

  @Test
  void offlineVerifierWithTheJwkSetAcceptsCodesAndNamesTicketAndEvent() {
    Ticket ticket = ticket(UUID.randomUUID(), 7, UUID.randomUUID());
    TicketCodeVerifier scanner = TicketCodeVerifier.fromJwks(codes.jwks());

    Verification verification = scanner.verify(codes.codeFor(ticket));

    assertEquals(Verification.Result.VALID_SIGNATURE, verification.result());
    assertEquals(ticket.ticketId(), verification.ticketId());
    assertEquals(ticket.eventId(), verification.eventId());
    assertEquals(keys.activeKeyId(), verification.keyId());
  }

  @Test
  void offlineVerifierRejectsACodeOfAnotherKeySet() {
    String code = new TicketCodes(TicketKeyRing.generate()).codeFor(anyTicket());

    assertFalse(TicketCodeVerifier.fromJwks(codes.jwks()).verify(code).isValid());
  }

  @Test
  void codeMadeByAnIndependentEd25519ImplementationVerifiesOffline() {
    TicketCodeVerifier scanner = TicketCodeVerifier.fromJwks(Requests.resource("tickets/independent-jwks.json"));

    Verification verification = scanner.verify(Requests.resource("tickets/independent-code.txt").strip());

    assertTrue(verification.isValid());
    assertEquals("9d5ed678-fe57-3cca-a101-40957afab571-3", verification.ticketId());
    assertEquals("3f0e9c1a-7b2d-4e5f-8a9b-0c1d2e3f4a5b", verification.eventId());
  }

  @Test
  void offlineVerifierAnswersInvalidForAnyMalformedInput() {
    TicketCodeVerifier scanner = keys.verifier();
    String genuine = codes.codeFor(anyTicket());
    String[] malformed = {null, "", ".", "TH2", "TH2.....", genuine + ".", genuine.replace("TH2.", "TH1."),
        genuine.substring(1), genuine.toLowerCase(Locale.ROOT), genuine.replace('.', ','),
        "TH2." + "A".repeat(10_000), genuine.substring(0, genuine.length() - 2) + "==", "\u0000\uffff"};

    for (String code : malformed) {
      assertFalse(scanner.verify(code).isValid(), String.valueOf(code));
    }
  }

  @Test
  void codeWithAPartChangedOnlyInItsUnusedLowBitsIsInvalid() {
    TicketCodeVerifier scanner = keys.verifier();
    String genuine = codes.codeFor(anyTicket());
    int event = genuine.lastIndexOf('.') - 1; // the event part's last character: 4 bits of it are unused
    int signature = genuine.length() - 1; // likewise for the signature's last character

    for (int at : new int[] {event, signature}) {
      String alias = genuine.substring(0, at) + lowBitsFlipped(genuine.charAt(at)) + genuine.substring(at + 1);
      assertFalse(scanner.verify(alias).isValid(), alias);
    }
    assertTrue(scanner.verify(genuine).isValid());
  }

  /** The base64url character whose value differs from {@code c}'s only in its lowest bit. */
  private static char lowBitsFlipped(char c) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    return alphabet.charAt(alphabet.indexOf(c) ^ 1);
  }

  @Test
  void malformedJwkSetIsRejectedAtLoad() {
    for (String text : new String[] {"", "{", "[]", "{\"keys\": 3}", "{\"keys\": [] } x"}) {
      assertThrows(IllegalArgumentException.class, () -> TicketCodeVerifier.fromJwks(text), text);
    }
  }

  @Test
  void jwkSetOfARotatedRingHoldsOldAndNewKeys() {
    TicketKeyRing rotated = keys.rotate();
    String oldCode = codes.codeFor(anyTicket());
    TicketCodeVerifier scanner = TicketCodeVerifier.fromJwks(rotated.jwks());

    assertTrue(scanner.verify(oldCode).isValid());
    assertTrue(scanner.verify(new TicketCodes(rotated).codeFor(anyTicket())).isValid());
    assertEquals(2, rotated.publicKeys().size());
  }

  @Test
  void keyRingReadsBackFromItsStoredForm() {
    TicketKeyRing rotated = keys.rotate();
    Ticket ticket = anyTicket();

    TicketKeyRing read = TicketKeyRing.fromJson(rotated.toJson());

    assertEquals(rotated.activeKeyId(), read.activeKeyId());
    assertEquals(new TicketCodes(rotated).codeFor(ticket), new TicketCodes(read).codeFor(ticket));
    assertTrue(read.verifier().verify(codes.codeFor(ticket)).isValid());
    assertEquals(1, rotated.toJson().split("\"d\"", -1).length - 1, "a retired key keeps no private key");
  }
}
