package com.tickethub.testing;

import com.tickethub.aws.AwsModule;
import com.tickethub.config.Config;
import com.tickethub.config.CoreModule;
import com.tickethub.events.EventListings;
import com.tickethub.events.EventService;
import dagger.BindsInstance;
import dagger.Component;
import java.time.Clock;
import java.util.Map;
import javax.inject.Singleton;

/** The get-event function's services (events and their lists), with a clock the test controls. */
@Singleton
@Component(modules = {CoreModule.class, AwsModule.class})
public interface ListingTestComponent {
  EventService events();

  EventListings listings();

  @Component.Factory
  interface Factory {
    ListingTestComponent create(@BindsInstance Config config, @BindsInstance Clock clock);
  }

  /** Wired with GetEventFunction's template environment. */
  static ListingTestComponent create(Clock clock) {
    return DaggerListingTestComponent.factory().create(
        new Config(TestStack.aws().functionEnvironment("GetEventFunction", Map.of())), clock);
  }
}
