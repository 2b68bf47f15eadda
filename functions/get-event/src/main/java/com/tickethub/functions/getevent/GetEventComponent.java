package com.tickethub.functions.getevent;

import com.tickethub.aws.AwsModule;
import com.tickethub.config.ClockModule;
import com.tickethub.config.Config;
import com.tickethub.config.CoreModule;
import com.tickethub.events.EventListings;
import com.tickethub.events.EventService;
import com.tickethub.http.HttpEndpoint;
import com.tickethub.seats.SeatService;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = {CoreModule.class, ClockModule.class, AwsModule.class})
public interface GetEventComponent {
  HttpEndpoint http();

  EventService events();

  SeatService seats();

  EventListings listings();

  @Component.Factory
  interface Factory {
    GetEventComponent create(@BindsInstance Config config);
  }
}
