package com.tickethub.orders;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Fault injection for flows that run at the same time: a crash is armed for one call on one thread, so it stops
 * that flow where a dying Lambda could (a {@link CrashAt.Crash}, which no catch block of ours handles) and never a
 * flow another thread runs, nor a later call that does not reach the checkpoint.
 */
final class CrashOnThread implements Checkpoints {
  private final ThreadLocal<Checkpoint> armed = new ThreadLocal<>();

  /** Runs {@code flow}, stopping it at {@code point} (if not null) when it gets there; empty if it stopped. */
  <T> Optional<T> call(Checkpoint point, Supplier<T> flow) {
    armed.set(point);
    try {
      return Optional.of(flow.get());
    } catch (CrashAt.Crash crash) {
      return Optional.empty();
    } finally {
      armed.remove();
    }
  }

  @Override
  public void reached(Checkpoint point) {
    if (point == armed.get()) {
      armed.remove();
      throw new CrashAt.Crash(point);
    }
  }
}
