package com.tickethub.model;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order life-cycle as the code runs it (model/lifecycle.pml, model/PROTOCOL.md): for each scenario, spin
 * explores every interleaving of its actors with A's purchase, payment, expiry message, sweep and prune, with a
 * crash before any write, and no invariant is ever violated. One search per scenario (model/README.md: their
 * bounds, states and times); each must be exhaustive and complete.
 */
class LifecycleModelTest {
  @BeforeAll
  static void tools() {
    Spin.requireTools();
  }

  @Test
  void aPurchaseRetriedAfterACrashAndAFailedCardLeaveOneOrderAndItsTickets(@TempDir Path dir) throws Exception {
    Spin.assertHolds(Spin.check("lifecycle.pml", "RETRY", dir));
  }

  @Test
  void aRepeatedCancelNeverReleasesTheTicketsALatePaymentTookAgain(@TempDir Path dir) throws Exception {
    Spin.assertHolds(Spin.check("lifecycle.pml", "CANCEL", dir));
  }

  @Test
  void aCancelAndItsPaymentIntentCanceledEndTheOrderOnce(@TempDir Path dir) throws Exception {
    Spin.assertHolds(Spin.check("lifecycle.pml", "CANCELED", dir));
  }

  @Test
  void aDuplicateExpiryMessageNeverReleasesTheTicketsALatePaymentTookAgain(@TempDir Path dir) throws Exception {
    Spin.assertHolds(Spin.check("lifecycle.pml", "EXPIRY", dir));
  }

  @Test
  void aLatePaymentThatFindsTheTicketsSoldToAnotherOrderIsRefunded(@TempDir Path dir) throws Exception {
    Spin.assertHolds(Spin.check("lifecycle.pml", "SOLDOUT", dir));
  }

  @Test
  void aDashboardRefundOfAnUnpaidOrderEndsItRefundedEvenDuringARetake(@TempDir Path dir) throws Exception {
    Spin.assertHolds(Spin.check("lifecycle.pml", "CHARGE", dir));
  }

  @Test
  void anOrganizerRefundRacingAGateScanVoidsEveryTicketOrIsRefusedWhole(@TempDir Path dir) throws Exception {
    Spin.assertHolds(Spin.check("lifecycle.pml", "REFUND", dir));
  }

  @Test
  void aDashboardRefundAfterGateScansKeepsTheCheckedInTicketsSoldAndGivesBackTheRest(@TempDir Path dir)
      throws Exception {
    Spin.assertHolds(Spin.check("lifecycle.pml", "DASHBOARD", dir));
  }

  @Test
  void aStalledRefundFinisherNeverGivesTheStockBackTwiceOnceItsMarkerIsPruned(@TempDir Path dir) throws Exception {
    Spin.assertHolds(Spin.check("lifecycle.pml", "FENCE", dir));
  }

  @Test
  void aReconcileThatReleasesAnEntryOfANewerGenerationOversells(@TempDir Path dir) throws Exception {
    // As OrderStock.reconcile was: an expiry message that read the order EXPIRED releases the hold a late
    // payment took again meanwhile under the next generation, and the order becomes PAID without its tickets.
    Spin.assertViolates(Spin.check("lifecycle.pml", "EXPIRY", dir, "RELEASE_NEWER_GEN"), "paid_only_with_all_tickets");
  }
}
