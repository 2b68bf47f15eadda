package com.tickethub.functions.purchase;

import com.tickethub.aws.AwsModule;
import com.tickethub.config.ClockModule;
import com.tickethub.config.Config;
import com.tickethub.config.CoreModule;
import com.tickethub.http.HttpEndpoint;
import com.tickethub.orders.OrdersModule;
import com.tickethub.orders.PurchaseRoute;
import com.tickethub.payments.stripe.PaymentsModule;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = {CoreModule.class, ClockModule.class, AwsModule.class, PaymentsModule.class, OrdersModule.class})
public interface PurchaseComponent {
  HttpEndpoint http();

  PurchaseRoute purchase();

  @Component.Factory
  interface Factory {
    PurchaseComponent create(@BindsInstance Config config);
  }
}
