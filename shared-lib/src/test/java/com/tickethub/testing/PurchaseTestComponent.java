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
import com.tickethub.orders.HoldExpiryQueue;
import com.tickethub.orders.OrderLifecycle;
import com.tickethub.orders.OrderRepository;
import com.tickethub.orders.OrderService;
import com.tickethub.orders.OrderStock;
import com.tickethub.orders.PaymentEventService;
import com.tickethub.orders.PurchaseRoute;
import com.tickethub.orders.PurchaseService;
import com.tickethub.payments.LocalPaymentGateway;
import com.tickethub.payments.PaymentGateway;
import com.tickethub.seats.SeatRepository;
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

  IdempotencyStore idempotencyStore();

  PurchaseService purchases();

  PurchaseRoute purchaseRoute();

  ExpiryService expiry();

  OrderStock stock();

  SeatRepository seatRows();

  OrderLifecycle lifecycle();

  PaymentEventService paymentEvents();

  Idempotency idempotency();

  @Component.Factory
  interface Factory {
    PurchaseTestComponent create(@BindsInstance Config config, @BindsInstance Clock clock,
        @BindsInstance Checkpoints checkpoints, @BindsInstance PaymentGateway payments,
        @BindsInstance HoldExpiryQueue expiryQueue);
  }

  /** The hold-expiry queue: a {@link DueQueue} on the test's clock. */
  HoldExpiryQueue expiryQueue();

  default DueQueue dueQueue() {
    return (DueQueue) expiryQueue();
  }

  static PurchaseTestComponent create(Clock clock, Checkpoints checkpoints, Map<String, String> overrides) {
    return create(clock, checkpoints, overrides, new LocalPaymentGateway());
  }

  static PurchaseTestComponent create(Clock clock, Checkpoints checkpoints, Map<String, String> overrides,
      PaymentGateway payments) {
    return create(clock, checkpoints, overrides, payments, config -> new DueQueue());
  }

  /** With the hold-expiry queue {@code queue} makes from the component's configuration (SQS, for example). */
  static PurchaseTestComponent create(Clock clock, Checkpoints checkpoints, Map<String, String> overrides,
      PaymentGateway payments, java.util.function.Function<Config, HoldExpiryQueue> queue) {
    Map<String, String> env = new HashMap<>(
        TestStack.aws().functionEnvironment("PurchaseFunction", Map.of("PaymentProvider", "local")));
    env.putAll(overrides);
    Config config = new Config(env);
    return DaggerPurchaseTestComponent.factory().create(config, clock, checkpoints, payments, queue.apply(config));
  }

  static PurchaseTestComponent create(Clock clock) {
    return create(clock, Checkpoints.NONE, Map.of());
  }
}
