package com.tickethub.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.testing.Requests;
import com.tickethub.verifier.TicketCodeVerifier;
import com.tickethub.verifier.Verification;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketCodesTest {
  private final TicketKeyRing keys = TicketKeyRing.generate();
  private final TicketCodes codes = new TicketCodes(keys);

  @Test
  void codeFitsQrVersion8AtLevelMForAnyIds() {
    UUID[] extremes = {new UUID(0, 0), new UUID(-1, -1), UUID.randomUUID()};
    for (UUID ticket : extremes) {
      for (UUID event : extremes) {
        String code = codes.codeFor(ticket.toString(), event.toString());
        assertTrue(code.length() <= 152, code);
        assertTrue(code.matches("TH1\\.[A-Za-z0-9_.-]+"), code);
      }
    }
  }

  @Test
  void sameTicketAlwaysGetsTheSameCode() {
    String ticket = UUID.randomUUID().toString();
    String event = UUID.randomUUID().toString();

    assertEquals(codes.codeFor(ticket, event), new TicketCodes(keys).codeFor(ticket, event));
  }

  @Test
  void offlineVerifierWithTheJwkSetAcceptsCodesAndNamesTicketAndEvent() {
    String ticket = UUID.randomUUID().toString();
    String event = UUID.randomUUID().toString();
    TicketCodeVerifier scanner = TicketCodeVerifier.fromJwks(codes.jwks());

    Verification verification = scanner.verify(codes.codeFor(ticket, event));

    assertEquals(Verification.Result.VALID_SIGNATURE, verification.result());
    assertEquals(ticket, verification.ticketId());
    assertEquals(event, verification.eventId());
    assertEquals(keys.activeKeyId(), verification.keyId());
  }

  @Test
  void offlineVerifierRejectsACodeOfAnotherKeySet() {
    String code = new TicketCodes(TicketKeyRing.generate()).codeFor(UUID.randomUUID().toString(),
        UUID.randomUUID().toString());

    assertFalse(TicketCodeVerifier.fromJwks(codes.jwks()).verify(code).isValid());
  }

  @Test
  void codeMadeByAnIndependentEd25519ImplementationVerifiesOffline() {
    TicketCodeVerifier scanner = TicketCodeVerifier.fromJwks(Requests.resource("tickets/independent-jwks.json"));

    Verification verification = scanner.verify(Requests.resource("tickets/independent-code.txt").strip());

    assertTrue(verification.isValid());
    assertEquals("9d5ed678-fe57-3cca-a101-40957afab571", verification.ticketId());
    assertEquals("3f0e9c1a-7b2d-4e5f-8a9b-0c1d2e3f4a5b", verification.eventId());
  }

  @Test
  void offlineVerifierAnswersInvalidForAnyMalformedInput() {
    TicketCodeVerifier scanner = keys.verifier();
    String genuine = codes.codeFor(UUID.randomUUID().toString(), UUID.randomUUID().toString());
    String[] malformed = {null, "", ".", "TH1", "TH1.....", genuine + ".", genuine.replace("TH1.", "TH2."),
        genuine.substring(1), genuine.toLowerCase(Locale.ROOT), genuine.replace('.', ','),
        "TH1." + "A".repeat(10_000), genuine.substring(0, genuine.length() - 2) + "==", "\u0000\uffff"};

    for (String code : malformed) {
      assertFalse(scanner.verify(code).isValid(), String.valueOf(code));
    }
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
    String oldCode = codes.codeFor(UUID.randomUUID().toString(), UUID.randomUUID().toString());
    TicketCodeVerifier scanner = TicketCodeVerifier.fromJwks(rotated.jwks());

    assertTrue(scanner.verify(oldCode).isValid());
    assertTrue(scanner.verify(new TicketCodes(rotated).codeFor(UUID.randomUUID().toString(),
        UUID.randomUUID().toString())).isValid());
    assertEquals(2, rotated.publicKeys().size());
  }

  @Test
  void keyRingReadsBackFromItsStoredForm() {
    TicketKeyRing rotated = keys.rotate();
    String ticket = UUID.randomUUID().toString();
    String event = UUID.randomUUID().toString();

    TicketKeyRing read = TicketKeyRing.fromJson(rotated.toJson());

    assertEquals(rotated.activeKeyId(), read.activeKeyId());
    assertEquals(new TicketCodes(rotated).codeFor(ticket, event), new TicketCodes(read).codeFor(ticket, event));
    assertTrue(read.verifier().verify(codes.codeFor(ticket, event)).isValid());
    assertEquals(1, rotated.toJson().split("\"d\"", -1).length - 1, "a retired key keeps no private key");
  }
}
