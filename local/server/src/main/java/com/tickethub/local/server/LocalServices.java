package com.tickethub.local.server;

import com.tickethub.local.stack.LocalAws;
import java.net.URI;

/**
 * What a local-only route may use: the emulated AWS services, the hosted functions, the authorizer,
 * the server's own address (to call its routes as an outside client would, e.g. Stripe's webhook) and
 * the secret the local Stripe signs webhooks with ({@link LocalSecrets}).
 */
public record LocalServices(LocalAws aws, FunctionHost functions, JwtAuthorizer authorizer, URI baseUri,
    String webhookSecret) {}
