package com.tickethub.functions.sweepholds;

import com.tickethub.aws.AwsModule;
import com.tickethub.config.ClockModule;
import com.tickethub.config.Config;
import com.tickethub.config.CoreModule;
import com.tickethub.orders.ExpiryService;
import com.tickethub.orders.OrdersModule;
import com.tickethub.payments.stripe.PaymentsModule;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = {CoreModule.class, ClockModule.class, AwsModule.class, PaymentsModule.class, OrdersModule.class})
public interface SweepHoldsComponent {
  ExpiryService expiry();

  @Component.Factory
  interface Factory {
    SweepHoldsComponent create(@BindsInstance Config config);
  }
}
