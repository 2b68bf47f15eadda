package com.tickethub.tickets;

import static com.tickethub.testing.Requests.organizer;
import static com.tickethub.testing.Requests.resource;

import com.tickethub.aws.AwsModule;
import com.tickethub.aws.ItemTables;
import com.tickethub.config.Config;
import com.tickethub.config.TableNames;
import com.tickethub.events.EventCache;
import com.tickethub.events.EventRepository;
import com.tickethub.events.EventView;
import com.tickethub.events.NewEvent;
import com.tickethub.events.StaffList;
import com.tickethub.http.Json;
import com.tickethub.inventory.InventoryRepository;
import com.tickethub.orders.Order;
import com.tickethub.orders.OrderItem;
import com.tickethub.orders.OrderRepository;
import com.tickethub.orders.Transition;
import com.tickethub.seats.SeatRepository;
import com.tickethub.testing.TestComponent;
import com.tickethub.testing.TestStack;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Events and tickets on the real emulator, and a ticket service whose DynamoDB client counts every
 * request it sends, so a test can prove that a rejected code cost no database access. Tickets are the
 * positions of a paid order (a free one here, written as the purchase writes it).
 */
final class TicketFixtures {
  final TestComponent app;
  final AtomicInteger dynamoRequests = new AtomicInteger();
  final OrderRepository orders;
  final EventRepository events;
  private final Clock clock;

  TicketFixtures(Clock clock) {
    this.clock = clock;
    this.app = TestStack.component(clock);
    Config config = TestStack.config("ValidateFunction");
    DynamoDbClient counted = AwsModule.configure(DynamoDbClient.builder(), config, "DYNAMODB",
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
          @Override
          public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            dynamoRequests.incrementAndGet();
          }
        }))
        .build();
    TableNames tables = new TableNames(config.require("TABLE_NAME"));
    ItemTables items = new ItemTables(AwsModule.enhanced(counted), config);
    this.orders = new OrderRepository(counted, items, tables);
    this.events = new EventRepository(counted, items, tables, new InventoryRepository(counted, tables),
        new SeatRepository(counted, tables));
  }

  TicketService service(TicketKeyRing keys) {
    return new TicketService(orders, new EventCache(events, clock), new TicketCodes(keys), clock);
  }

  /** An event of {@code organizerId} (two ticket types) whose gate staff is exactly {@code staff}. */
  EventView event(String organizerId, String... staff) {
    EventView event = app.events().create(organizer(organizerId),
        Json.read(resource("events/new-event.json"), NewEvent.class));
    app.events().replaceStaff(organizer(organizerId), event.eventId(), new StaffList(List.of(staff)));
    return event;
  }

  /** A freshly issued ticket of the event's first ticket type, held by {@code holderId}. */
  Ticket ticket(EventView event, String holderId) {
    return tickets(event, holderId, 1).get(0);
  }

  /** The {@code count} tickets of one paid order of the event's first ticket type. */
  List<Ticket> tickets(EventView event, String holderId, int count) {
    Order order = Order.create(UUID.randomUUID().toString(), holderId, event.eventId(),
        List.of(new OrderItem(event.ticketTypes().get(0).ticketTypeId(), count, 0, false, List.of())), 0, "EUR",
        clock.instant(), null, clock.instant());
    orders.create(order);
    return order.tickets();
  }

  /** The raw stored item of the ticket's order, to show that a rejected scan left it exactly as it was. */
  Map<String, AttributeValue> item(Ticket ticket) {
    return app.dynamo().getItem(b -> b.tableName(TestStack.config("ValidateFunction").require("TABLE_NAME"))
        .consistentRead(true).key(Map.of("pk", AttributeValue.fromS("ORDER#" + ticket.orderId()),
            "sk", AttributeValue.fromS("ORDER")))).item();
  }

  /** Refunds the ticket's order (PAID -> REFUNDING -> REFUNDED, as the organizer's refund moves it). */
  void refund(Ticket ticket) {
    Order order = orders.find(ticket.orderId()).orElseThrow();
    OrderRepository.Change refund = new OrderRepository.Change(", refund = :refund", "", "",
        Map.of(":refund", AttributeValue.fromS(Json.write(new Order.Refund("org", false, clock.instant(), null)))));
    orders.move(order, Transition.START_REFUND, refund, null, clock.instant());
    orders.move(orders.find(ticket.orderId()).orElseThrow(), Transition.FINISH_REFUND, OrderRepository.Change.NONE,
        null, null);
  }

  /** The ticket as stored now. */
  Ticket reread(Ticket ticket) {
    return orders.find(ticket.orderId()).orElseThrow().ticket(ticket.position()).orElseThrow();
  }
}
