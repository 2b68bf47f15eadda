package com.tickethub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tickethub.http.Json;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/** What every function needs besides AWS clients and the clock: the JSON mapper and the main table's name. */
@Module
public final class CoreModule {
  private CoreModule() {}

  @Provides
  @Singleton
  static ObjectMapper objectMapper() {
    return Json.MAPPER;
  }

  @Provides
  @Singleton
  static TableNames tableNames(Config config) {
    return new TableNames(config.require("TABLE_NAME"));
  }
}
