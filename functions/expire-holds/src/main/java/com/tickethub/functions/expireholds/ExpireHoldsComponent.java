package com.tickethub.functions.expireholds;

import com.tickethub.aws.AwsModule;
import com.tickethub.config.ClockModule;
import com.tickethub.config.Config;
import com.tickethub.config.CoreModule;
import com.tickethub.orders.QueuedExpiry;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = {CoreModule.class, ClockModule.class, AwsModule.class})
public interface ExpireHoldsComponent {
  QueuedExpiry expiry();

  @Component.Factory
  interface Factory {
    ExpireHoldsComponent create(@BindsInstance Config config);
  }
}
