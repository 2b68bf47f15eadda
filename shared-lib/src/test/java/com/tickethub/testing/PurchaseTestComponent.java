package com.tickethub.testing;

import com.tickethub.aws.AwsModule;
import com.tickethub.config.Config;
import com.tickethub.config.CoreModule;
import com.tickethub.events.EventService;
import com.tickethub.http.HttpEndpoint;
import com.tickethub.idempotency.Idempotency;
import com.tickethub.idempotency.IdempotencyStore;
import com.tickethub.inventory.BuyerLimitRepository;
import com.tickethub.inventory.InventoryRepository;
import com.tickethub.orders.Checkpoints;
import com.tickethub.orders.ExpiryService;
import com.tickethub.orders.OrderChangeService;
import com.tickethub.orders.OrderHolds;
import com.tickethub.orders.OrderRepository;
import com.tickethub.orders.OrderService;
import com.tickethub.orders.PaymentEventService;
import com.tickethub.orders.PurchaseRoute;
import com.tickethub.orders.PurchaseService;
import com.tickethub.orders.QueuedExpiry;
import com.tickethub.payments.LocalPaymentGateway;
import com.tickethub.payments.PaymentGateway;
import com.tickethub.tickets.TicketRepository;
import dagger.BindsInstance;
import dagger.Component;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The purchase, order and expiry services wired as in their functions, from the PurchaseFunction's
 * environment, with the test's clock, fault injection and the local payment gateway.
 */
@Singleton
@Component(modules = {CoreModule.class, AwsModule.class})
public interface PurchaseTestComponent {
  DynamoDbClient dynamo();

  SqsClient sqs();

  HttpEndpoint http();

  EventService events();

  InventoryRepository inventory();

  BuyerLimitRepository buyers();

  OrderRepository orders();

  OrderService orderService();

  TicketRepository tickets();

  IdempotencyStore idempotencyStore();

  PurchaseService purchases();

  PurchaseRoute purchaseRoute();

  ExpiryService expiry();

  QueuedExpiry queuedExpiry();

  OrderHolds holds();

  PaymentEventService paymentEvents();

  OrderChangeService orderChanges();

  Idempotency idempotency();

  @Component.Factory
  interface Factory {
    PurchaseTestComponent create(@BindsInstance Config config, @BindsInstance Clock clock,
        @BindsInstance Checkpoints checkpoints, @BindsInstance PaymentGateway payments);
  }

  static PurchaseTestComponent create(Clock clock, Checkpoints checkpoints, Map<String, String> overrides) {
    return create(clock, checkpoints, overrides, new LocalPaymentGateway());
  }

  static PurchaseTestComponent create(Clock clock, Checkpoints checkpoints, Map<String, String> overrides,
      PaymentGateway payments) {
    Map<String, String> env = new HashMap<>(
        TestStack.aws().functionEnvironment("PurchaseFunction", Map.of("PaymentProvider", "local")));
    env.putAll(overrides);
    return DaggerPurchaseTestComponent.factory().create(new Config(env), clock, checkpoints, payments);
  }

  static PurchaseTestComponent create(Clock clock) {
    return create(clock, Checkpoints.NONE, Map.of());
  }
}
