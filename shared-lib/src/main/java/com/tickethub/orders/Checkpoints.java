package com.tickethub.orders;

/**
 * Called by the purchase flow between its writes. Production does nothing; the crash tests throw here to
 * stop the flow exactly where a dying Lambda could.
 */
@FunctionalInterface
public interface Checkpoints {
  Checkpoints NONE = point -> {};

  void reached(Checkpoint point);
}
