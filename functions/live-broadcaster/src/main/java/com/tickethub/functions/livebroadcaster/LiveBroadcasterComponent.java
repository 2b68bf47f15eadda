package com.tickethub.functions.livebroadcaster;

import com.tickethub.aws.AwsModule;
import com.tickethub.config.ClockModule;
import com.tickethub.config.Config;
import com.tickethub.config.CoreModule;
import com.tickethub.live.BroadcastService;
import com.tickethub.live.LiveModule;
import com.tickethub.live.StockRepository;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = {CoreModule.class, ClockModule.class, AwsModule.class, LiveModule.class})
public interface LiveBroadcasterComponent {
  BroadcastService broadcasts();

  StockRepository stock();

  @Component.Factory
  interface Factory {
    LiveBroadcasterComponent create(@BindsInstance Config config);
  }
}
