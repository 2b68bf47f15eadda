package com.tickethub.model;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order life-cycle as the code runs it (model/lifecycle.pml, model/PROTOCOL.md): spin explores every
 * interleaving of every scenario, with a crash before any write, and no invariant is ever violated.
 */
class LifecycleModelTest {
  @BeforeAll
  static void tools() {
    Spin.requireTools();
  }

  @Test
  void everyInterleavingOfEveryScenarioKeepsTheInvariants(@TempDir Path dir) throws Exception {
    Spin.assertHolds(Spin.check("lifecycle.pml", "ALL_SCENARIOS", dir));
  }

  @Test
  void aReconcileThatReleasesAnEntryOfANewerGenerationOversells(@TempDir Path dir) throws Exception {
    // As OrderStock.reconcile was: an expiry message that read the order EXPIRED releases the hold a late
    // payment took again meanwhile under the next generation, and the order becomes PAID without its tickets.
    Spin.assertViolates(Spin.check("lifecycle.pml", "EXPIRY", dir, "RELEASE_NEWER_GEN"), "paid_only_with_all_tickets");
  }
}
