package com.tickethub.orders;

/**
 * Fault injection for the purchase flow: when armed, the next time the flow reaches the checkpoint it
 * stops there, once. A {@link Crash} is an Error, so no catch block of ours runs: the flow stops as a
 * Lambda that dies does (no compensation, the idempotency claim left in progress). An {@link Outage} is a
 * RuntimeException: a dependency that failed and the flow's own recovery runs.
 */
final class CrashAt implements Checkpoints {
  static final class Crash extends Error {
    Crash(Checkpoint point) {
      super("simulated crash at " + point, null, false, false);
    }
  }

  static final class Outage extends RuntimeException {
    Outage(Checkpoint point) {
      super("simulated outage at " + point, null, false, false);
    }
  }

  private volatile Checkpoint armed;
  private volatile boolean crash;

  void crash(Checkpoint point) {
    this.crash = true;
    this.armed = point;
  }

  void outage(Checkpoint point) {
    this.crash = false;
    this.armed = point;
  }

  @Override
  public synchronized void reached(Checkpoint point) {
    if (point == armed) {
      armed = null;
      if (crash) {
        throw new Crash(point);
      }
      throw new Outage(point);
    }
  }
}
