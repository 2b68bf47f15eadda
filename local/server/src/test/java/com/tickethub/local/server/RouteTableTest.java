package com.tickethub.local.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.local.stack.ProjectRoot;
import com.tickethub.local.stack.Template;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Matching requests to template routes, as API Gateway does. */
class RouteTableTest {
  private final Template template = Template.read(ProjectRoot.find().resolve("template.yaml"));
  private final RouteTable routes = RouteTable.of(template, TemplateFunction.all(template));

  @Test
  void pathParameterIsMatchedAndDecoded() {
    RouteTable.Match match = routes.find("GET", "/events/ab%20c").orElseThrow();
    assertEquals("GET /events/{eventId}", match.route().routeKey());
    assertEquals(Map.of("eventId", "ab c"), match.pathParameters());
  }

  @Test
  void methodMustMatch() {
    assertTrue(routes.find("DELETE", "/events/e1").isEmpty());
    assertTrue(routes.find("GET", "/events/e1/extra").isEmpty());
  }

  @Test
  void routesUseTheDefaultAuthorizerUnlessNone() {
    assertTrue(routes.find("POST", "/events").orElseThrow().route().authorized());
    assertFalse(routes.find("GET", "/events/e1").orElseThrow().route().authorized());
  }

  @Test
  void literalPathWinsOverParameterAndGreedyComesLast() {
    List<ApiRoute> candidates = new ArrayList<>(List.of(
        ApiRoute.of("Proxy", "ANY", "/tickets/{proxy+}", false, List.of()),
        ApiRoute.of("Ticket", "POST", "/tickets/{ticketId}", false, List.of()),
        ApiRoute.of("Validate", "POST", "/tickets/validate", false, List.of())));
    candidates.sort(Comparator.comparingInt(ApiRoute::specificity).reversed());
    assertEquals(List.of("Validate", "Ticket", "Proxy"), candidates.stream().map(ApiRoute::functionId).toList());
    assertEquals(Map.of("proxy", "a/b"), candidates.get(2).match("GET", "/tickets/a/b").orElseThrow());
  }
}
