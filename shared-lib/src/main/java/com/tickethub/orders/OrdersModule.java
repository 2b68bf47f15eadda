package com.tickethub.orders;

import dagger.Module;
import dagger.Provides;

/** The purchase flow's production wiring: no fault injection between its writes. */
@Module
public final class OrdersModule {
  private OrdersModule() {}

  @Provides
  static Checkpoints checkpoints() {
    return Checkpoints.NONE;
  }
}
