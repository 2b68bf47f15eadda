package com.tickethub.orders;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Fault injection for flows that run at the same time: a crash is armed for one call on one thread, so it stops
 * that flow where a dying Lambda could (a {@link CrashAt.Crash}, which no catch block of ours handles) and never a
 * flow another thread runs, nor a later call that does not reach the checkpoint. A stall, armed the same way, holds
 * the flow there until another flow reached a given checkpoint (or every other flow ended): a slow Lambda, in terms
 * of the others' progress rather than of milliseconds, which a loaded machine stretches.
 */
final class CrashOnThread implements Checkpoints {
  /** A stall gives up after this long, whatever the others do. */
  private static final long STALL_LIMIT_MILLIS = 10_000;

  private final ThreadLocal<Checkpoint> armed = new ThreadLocal<>();
  private final ThreadLocal<Stall> stall = new ThreadLocal<>();
  /** The checkpoints the flows running together reached, with the threads that reached them. */
  private final Map<Checkpoint, Set<Thread>> reached = new HashMap<>();
  private int running;
  /** How many of them are stalled now: a stall ends when no other flow is left to make progress. */
  private int stalled;

  /** Where a flow stalls ({@code at}; null: before it starts) and until which checkpoint of another flow. */
  record Stall(Checkpoint at, Checkpoint until) {}

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

  /** {@code flows} flows start together: what they reach is counted from now. */
  synchronized void together(int flows) {
    reached.clear();
    running = flows;
    stalled = 0;
  }

  /** One of the flows started together ended. */
  synchronized void ended() {
    running--;
    notifyAll();
  }

  /** Runs {@code flow}, which stalls as {@code how} says (the first time it reaches the point). */
  <T> T stalled(Stall how, Supplier<T> flow) {
    if (how.at() == null) {
      await(how.until());
      return flow.get();
    }
    stall.set(how);
    try {
      return flow.get();
    } finally {
      stall.remove();
    }
  }

  @Override
  public void reached(Checkpoint point) {
    synchronized (this) {
      reached.computeIfAbsent(point, p -> new HashSet<>()).add(Thread.currentThread());
      notifyAll();
    }
    if (point == armed.get()) {
      armed.remove();
      throw new CrashAt.Crash(point);
    }
    Stall pause = stall.get();
    if (pause != null && pause.at() == point) {
      stall.remove();
      await(pause.until());
    }
  }

  /** Waits until another thread reached {@code point}, or no other flow is left that is not stalled. */
  private synchronized void await(Checkpoint point) {
    long until = System.currentTimeMillis() + STALL_LIMIT_MILLIS;
    stalled++;
    notifyAll();
    try {
      while (running > stalled && !reachedByAnother(point)) {
        long left = until - System.currentTimeMillis();
        if (left <= 0) {
          return;
        }
        wait(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stalled--;
      notifyAll();
    }
  }

  private boolean reachedByAnother(Checkpoint point) {
    return reached.getOrDefault(point, Set.of()).stream().anyMatch(thread -> thread != Thread.currentThread());
  }
}
