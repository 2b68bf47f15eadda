package com.tickethub.local.server;

import com.tickethub.local.stack.LocalAws;
import java.net.URI;

/**
 * What a local-only route may use: the emulated AWS services, the hosted functions and the template's routes
 * (to deliver to a route as API Gateway would, e.g. Stripe's webhook), the authorizer, the server's own
 * address and the secret the local Stripe signs webhooks with ({@link LocalSecrets}).
 */
public record LocalServices(LocalAws aws, FunctionHost functions, RouteTable routes, JwtAuthorizer authorizer,
    URI baseUri, String webhookSecret) {}
