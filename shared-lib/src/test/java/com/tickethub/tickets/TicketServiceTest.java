package com.tickethub.tickets;

import static com.tickethub.testing.Requests.buyer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.tickethub.auth.Caller;
import com.tickethub.errors.NotFound;
import com.tickethub.events.EventView;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class TicketServiceTest {
  private static final TicketKeyRing KEYS = TicketKeyRing.generate();

  private final TicketFixtures fixtures = new TicketFixtures(Clock.systemUTC());
  private final TicketService service = fixtures.service(KEYS);
  private final EventView event = fixtures.event("org-t", "scanner-t");

  @Test
  void holderReadsTheirTicketWithItsSignedCode() {
    Ticket ticket = fixtures.ticket(event, "holder-1");

    TicketView view = service.get(buyer("holder-1"), ticket.ticketId());

    assertEquals(ticket.ticketId(), view.ticketId());
    assertEquals(ticket.orderId(), view.orderId());
    assertEquals(TicketStatus.ISSUED, view.status());
    assertEquals(new TicketCodes(KEYS).codeFor(ticket), view.code());
  }

  @Test
  void someoneElsesTicketIsNotFound() {
    Ticket ticket = fixtures.ticket(event, "holder-1");

    assertThrows(NotFound.class, () -> service.get(buyer("holder-2"), ticket.ticketId()));
  }

  @Test
  void unknownTicketIsNotFound() {
    assertThrows(NotFound.class, () -> service.get(buyer("holder-1"), "no-such-ticket"));
  }

  @Test
  void qrImageDecodesToACodeThatValidates() throws Exception {
    Ticket ticket = fixtures.ticket(event, "holder-1");

    byte[] png = service.qr(buyer("holder-1"), ticket.ticketId());
    // PURE_BARCODE: the image is the code itself, module for module. Without it ZXing's finder-pattern detector,
    // made for photos, misses about 1 in 20 of these clean images (a flaky test, not an unreadable code).
    String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
        new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png))))),
        Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
    Scan scan = service.validate(new Caller("scanner-t", Set.of("staff")),
        new ValidateRequest(decoded, event.eventId(), "North"));

    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
    assertEquals(service.get(buyer("holder-1"), ticket.ticketId()).code(), decoded);
    assertEquals(ScanResult.VALID, scan.result());
  }
}
