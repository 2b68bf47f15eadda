package com.tickethub.model;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocol before issue 8 (model/old-lifecycle.pml): spin finds each defect the issue reports, as a
 * counterexample trail that replays to the violated invariant.
 */
class OldLifecycleModelTest {
  @BeforeAll
  static void tools() {
    Spin.requireTools();
  }

  @Test
  void refundRacingAGateScanKeepsTheMoneyForVoidTickets(@TempDir Path dir) throws Exception {
    Spin.assertViolates(Spin.check("old-lifecycle.pml", "REFUND_VS_SCAN", dir), "money_only_for_usable_tickets");
  }

  @Test
  void repeatedCancelReleasesTheHoldALatePaymentTookAgain(@TempDir Path dir) throws Exception {
    Spin.assertViolates(Spin.check("old-lifecycle.pml", "CANCEL_TWICE", dir), "paid_only_with_all_tickets");
  }

  @Test
  void duplicateExpiryMessageReleasesTheHoldALatePaymentTookAgain(@TempDir Path dir) throws Exception {
    Spin.assertViolates(Spin.check("old-lifecycle.pml", "EXPIRY_TWICE", dir), "paid_only_with_all_tickets");
  }
}
