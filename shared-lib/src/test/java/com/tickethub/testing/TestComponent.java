package com.tickethub.testing;

import com.tickethub.aws.AwsModule;
import com.tickethub.aws.ItemTables;
import com.tickethub.config.Config;
import com.tickethub.config.CoreModule;
import com.tickethub.events.EventRepository;
import com.tickethub.events.EventService;
import com.tickethub.http.HttpEndpoint;
import com.tickethub.idempotency.HttpIdempotency;
import com.tickethub.idempotency.Idempotency;
import com.tickethub.idempotency.IdempotencyStore;
import com.tickethub.inventory.InventoryRepository;
import com.tickethub.orders.OrderRepository;
import com.tickethub.seats.SeatRepository;
import com.tickethub.seats.SeatService;
import dagger.BindsInstance;
import dagger.Component;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The services of shared-lib wired as in the functions, with a clock the test controls. */
@Singleton
@Component(modules = {CoreModule.class, AwsModule.class})
public interface TestComponent {
  DynamoDbClient dynamo();

  HttpEndpoint http();

  EventService events();

  EventRepository eventRepository();

  InventoryRepository inventory();

  OrderRepository orders();

  SeatRepository seatRows();

  SeatService seats();

  Idempotency idempotency();

  IdempotencyStore idempotencyStore();

  ItemTables itemTables();

  HttpIdempotency httpIdempotency();

  @Component.Factory
  interface Factory {
    TestComponent create(@BindsInstance Config config, @BindsInstance Clock clock);
  }
}
