package com.tickethub.functions.createevent;

import com.tickethub.aws.AwsModule;
import com.tickethub.config.ClockModule;
import com.tickethub.config.Config;
import com.tickethub.config.CoreModule;
import com.tickethub.events.EventService;
import com.tickethub.http.HttpEndpoint;
import com.tickethub.idempotency.HttpIdempotency;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = {CoreModule.class, ClockModule.class, AwsModule.class})
public interface CreateEventComponent {
  HttpEndpoint http();

  HttpIdempotency idempotency();

  EventService events();

  @Component.Factory
  interface Factory {
    CreateEventComponent create(@BindsInstance Config config);
  }
}
