package com.tickethub.functions.stripewebhook;

import com.tickethub.aws.AwsModule;
import com.tickethub.config.ClockModule;
import com.tickethub.config.Config;
import com.tickethub.config.CoreModule;
import com.tickethub.http.HttpEndpoint;
import com.tickethub.payments.stripe.StripeWebhook;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = {CoreModule.class, ClockModule.class, AwsModule.class})
public interface StripeWebhookComponent {
  HttpEndpoint http();

  StripeWebhook webhook();

  @Component.Factory
  interface Factory {
    StripeWebhookComponent create(@BindsInstance Config config);
  }
}
