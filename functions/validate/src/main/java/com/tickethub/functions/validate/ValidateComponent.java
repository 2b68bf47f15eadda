package com.tickethub.functions.validate;

import com.tickethub.aws.AwsModule;
import com.tickethub.config.ClockModule;
import com.tickethub.config.Config;
import com.tickethub.config.CoreModule;
import com.tickethub.http.HttpEndpoint;
import com.tickethub.tickets.TicketKeysModule;
import com.tickethub.tickets.TicketService;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = {CoreModule.class, ClockModule.class, AwsModule.class, TicketKeysModule.class})
public interface ValidateComponent {
  HttpEndpoint http();

  TicketService tickets();

  @Component.Factory
  interface Factory {
    ValidateComponent create(@BindsInstance Config config);
  }
}
