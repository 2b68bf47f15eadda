package com.tickethub.functions.blockseats;

import com.tickethub.aws.AwsModule;
import com.tickethub.config.ClockModule;
import com.tickethub.config.Config;
import com.tickethub.config.CoreModule;
import com.tickethub.http.HttpEndpoint;
import com.tickethub.seats.SeatService;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = {CoreModule.class, ClockModule.class, AwsModule.class})
public interface BlockSeatsComponent {
  HttpEndpoint http();

  SeatService seats();

  @Component.Factory
  interface Factory {
    BlockSeatsComponent create(@BindsInstance Config config);
  }
}
