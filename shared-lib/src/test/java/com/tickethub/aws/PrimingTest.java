package com.tickethub.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrimingTest {
  @Test
  void everyRegisteredDryRunRunsWhenTheSnapshotIsTaken() {
    AtomicInteger first = new AtomicInteger();
    AtomicInteger second = new AtomicInteger();
    Priming.register("first", first::incrementAndGet);
    Priming.register("second", second::incrementAndGet);

    Priming.primeNow();

    assertEquals(1, first.get());
    assertEquals(1, second.get());
  }

  @Test
  void aFailingDryRunNeitherStopsTheOthersNorTheSnapshot() {
    AtomicInteger after = new AtomicInteger();
    Priming.register("failing", () -> {
      throw new IllegalStateException("the table is not reachable at snapshot time");
    });
    Priming.register("after", after::incrementAndGet);

    Priming.primeNow();

    assertEquals(1, after.get());
  }
}
