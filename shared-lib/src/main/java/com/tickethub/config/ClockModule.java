package com.tickethub.config;

import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Singleton;

/** The real clock; tests bind a clock of their own instead. */
@Module
public final class ClockModule {
  private ClockModule() {}

  @Provides
  @Singleton
  static Clock clock() {
    return Clock.systemUTC();
  }
}
