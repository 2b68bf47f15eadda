package com.tickethub.orders;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;

/** The order life-cycle's production wiring: the SQS hold-expiry queue, no fault injection between its writes. */
@Module
public interface OrdersModule {
  @Binds
  HoldExpiryQueue holdExpiryQueue(SqsHoldExpiryQueue queue);

  @Provides
  static Checkpoints checkpoints() {
    return Checkpoints.NONE;
  }
}
