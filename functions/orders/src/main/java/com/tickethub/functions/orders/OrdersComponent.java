package com.tickethub.functions.orders;

import com.tickethub.aws.AwsModule;
import com.tickethub.config.ClockModule;
import com.tickethub.config.Config;
import com.tickethub.config.CoreModule;
import com.tickethub.http.HttpEndpoint;
import com.tickethub.idempotency.HttpIdempotency;
import com.tickethub.orders.OrderService;
import com.tickethub.orders.OrdersModule;
import com.tickethub.payments.stripe.PaymentsModule;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = {CoreModule.class, ClockModule.class, AwsModule.class, PaymentsModule.class, OrdersModule.class})
public interface OrdersComponent {
  HttpEndpoint http();

  OrderService orders();

  HttpIdempotency idempotency();

  @Component.Factory
  interface Factory {
    OrdersComponent create(@BindsInstance Config config);
  }
}
