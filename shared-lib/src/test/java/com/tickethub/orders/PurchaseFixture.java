package com.tickethub.orders;

import static com.tickethub.testing.Requests.organizer;
import static com.tickethub.testing.Requests.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.tickethub.auth.Caller;
import com.tickethub.events.EventView;
import com.tickethub.events.NewEvent;
import com.tickethub.events.TicketTypeView;
import com.tickethub.http.Json;
import com.tickethub.idempotency.Claim;
import com.tickethub.inventory.TypeCounts;
import com.tickethub.testing.PurchaseTestComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Events, requests and the inventory checks the purchase tests share. */
final class PurchaseFixture {
  static final String ORGANIZER = "org-purchase";

  private final PurchaseTestComponent app;

  PurchaseFixture(PurchaseTestComponent app) {
    this.app = app;
  }

  /** A fresh event from a file under src/test/resources/orders. */
  EventView event(String file) {
    return app.events().create(organizer(ORGANIZER), Json.read(resource("orders/" + file), NewEvent.class));
  }

  static String typeId(EventView event, String name) {
    return event.ticketTypes().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().ticketTypeId();
  }

  static PurchaseRequest request(EventView event, Object... nameThenQuantity) {
    List<PurchaseItem> items = new ArrayList<>();
    for (int i = 0; i < nameThenQuantity.length; i += 2) {
      items.add(new PurchaseItem(typeId(event, (String) nameThenQuantity[i]), (Integer) nameThenQuantity[i + 1]));
    }
    return new PurchaseRequest(event.eventId(), items);
  }

  static String key() {
    return "key-" + UUID.randomUUID();
  }

  /** A fresh claim of a new Idempotency-Key, as the route hands it to the purchase: a new order. */
  static Claim claim() {
    return new Claim(UUID.randomUUID().toString(), false);
  }

  /**
   * What happens when the test's clock has moved: the hold-expiry messages now due are delivered to their
   * consumer, then the sweep runs, as in AWS.
   */
  void timePassed(java.time.Instant now) {
    app.dueQueue().deliverDue(now, app.expiry()::handle);
    app.expiry().sweep();
  }

  TypeCounts counts(EventView event, String typeName) {
    return app.inventory().counts(event.eventId()).get(typeId(event, typeName));
  }

  /**
   * Per type: available + held + sold == capacity; per shard: held == the sum of its holds entries, and
   * no count is negative.
   */
  void assertInvariant(EventView event) {
    Map<String, TypeCounts> counts = app.inventory().counts(event.eventId());
    for (TicketTypeView type : event.ticketTypes()) {
      TypeCounts c = counts.get(type.ticketTypeId());
      assertEquals(type.capacity(), c.available() + c.held() + c.sold(), "capacity of " + type.name());
    }
    for (Map<String, AttributeValue> shard : shards(event)) {
      long entries = shard.get("holds").m().values().stream().mapToLong(h -> Long.parseLong(h.m().get("q").n())).sum();
      assertEquals(Long.parseLong(shard.get("held").n()), entries, "held vs holds of " + shard.get("sk").s());
      assertEquals(true, Long.parseLong(shard.get("available").n()) >= 0, "available of " + shard.get("sk").s());
    }
  }

  /** Every item under the event's partition except the event itself and its inventory. */
  List<Map<String, AttributeValue>> otherItems(EventView event) {
    return partition(event).stream()
        .filter(item -> !item.get("sk").s().equals("EVENT") && !item.get("sk").s().startsWith("INV#")).toList();
  }

  List<Map<String, AttributeValue>> shards(EventView event) {
    return partition(event).stream().filter(item -> item.get("sk").s().startsWith("INV#")).toList();
  }

  private List<Map<String, AttributeValue>> partition(EventView event) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    app.dynamo().queryPaginator(b -> b.tableName("MainTable").consistentRead(true)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("EVENT#" + event.eventId()))))
        .items().forEach(items::add);
    return items;
  }

  /** A purchase as API Gateway would deliver it to the function. */
  static APIGatewayV2HTTPEvent httpPurchase(Caller caller, String idempotencyKey, String body) {
    Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json"));
    if (idempotencyKey != null) {
      headers.put("Idempotency-Key", idempotencyKey);
    }
    Map<String, String> claims = new HashMap<>();
    if (caller != null) {
      claims.put("sub", caller.sub());
      claims.put("cognito:groups", "[" + String.join(" ", caller.groups()) + "]");
    }
    return APIGatewayV2HTTPEvent.builder()
        .withRouteKey("POST /tickets/purchase")
        .withRawPath("/tickets/purchase")
        .withHeaders(headers)
        .withBody(body)
        .withIsBase64Encoded(false)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withRequestId("test-" + UUID.randomUUID())
            .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                .build())
            .build())
        .build();
  }

  APIGatewayV2HTTPResponse post(Caller caller, String idempotencyKey, String body) {
    return app.http().handle(httpPurchase(caller, idempotencyKey, body), null, app.purchaseRoute());
  }
}
