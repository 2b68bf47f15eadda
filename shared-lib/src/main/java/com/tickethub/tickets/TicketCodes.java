package com.tickethub.tickets;

import com.tickethub.verifier.TicketCode;
import com.tickethub.verifier.TicketCodeVerifier;
import com.tickethub.verifier.Verification;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Signs and checks ticket codes with the key ring. Ed25519 is deterministic, so a ticket's code is the
 * same on every read and nothing secret is stored per ticket; checking uses the offline verifier.
 */
@Singleton
public class TicketCodes {
  private final TicketKeyRing keys;
  private final TicketCodeVerifier verifier;
  private final String jwks;

  @Inject
  public TicketCodes(TicketKeyRing keys) {
    this.keys = keys;
    this.verifier = keys.verifier();
    this.jwks = keys.jwks();
  }

  /** The code of a ticket, signed with the active key. */
  public String codeFor(Ticket ticket) {
    TicketCode code = new TicketCode(keys.activeKeyId(), UUID.fromString(ticket.orderId()), ticket.position(),
        UUID.fromString(ticket.eventId()));
    return code.withSignature(keys.sign(code.signedText()));
  }

  /** Pure computation: no I/O, whatever the input. */
  public Verification verify(String code) {
    return verifier.verify(code);
  }

  /** The JWK Set text of every key that verifies. */
  public String jwks() {
    return jwks;
  }
}
