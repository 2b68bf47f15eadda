package com.tickethub.functions.liveconnections;

import com.tickethub.aws.AwsModule;
import com.tickethub.config.ClockModule;
import com.tickethub.config.Config;
import com.tickethub.config.CoreModule;
import com.tickethub.live.LiveModule;
import com.tickethub.live.LiveService;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = {CoreModule.class, ClockModule.class, AwsModule.class, LiveModule.class})
public interface LiveConnectionsComponent {
  LiveService live();

  @Component.Factory
  interface Factory {
    LiveConnectionsComponent create(@BindsInstance Config config);
  }
}
