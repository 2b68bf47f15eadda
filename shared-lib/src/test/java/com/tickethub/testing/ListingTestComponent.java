package com.tickethub.testing;

import com.tickethub.aws.AwsModule;
import com.tickethub.config.Config;
import com.tickethub.config.CoreModule;
import com.tickethub.events.EventListings;
import com.tickethub.events.EventService;
import com.tickethub.paging.CursorKeyModule;
import dagger.BindsInstance;
import dagger.Component;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.inject.Singleton;

/** The get-event function's services (events and their lists), with a clock the test controls. */
@Singleton
@Component(modules = {CoreModule.class, AwsModule.class, CursorKeyModule.class})
public interface ListingTestComponent {
  EventService events();

  EventListings listings();

  @Component.Factory
  interface Factory {
    ListingTestComponent create(@BindsInstance Config config, @BindsInstance Clock clock);
  }

  /** Wired with GetEventFunction's template environment and a cursor key file under target/. */
  static ListingTestComponent create(Clock clock) {
    Map<String, String> env = new HashMap<>(TestStack.aws().functionEnvironment("GetEventFunction", Map.of()));
    env.put("CURSOR_KEY_FILE", Path.of("target", "cursor-key-test").toAbsolutePath().toString());
    return DaggerListingTestComponent.factory().create(new Config(env), clock);
  }
}
