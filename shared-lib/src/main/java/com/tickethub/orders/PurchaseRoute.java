package com.tickethub.orders;

import com.tickethub.auth.Caller;
import com.tickethub.http.ApiRequest;
import com.tickethub.http.ApiResponse;
import com.tickethub.http.Route;
import com.tickethub.idempotency.HttpIdempotency;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The route of {@code POST /tickets/purchase}: the caller, the required Idempotency-Key and the body are
 * checked before anything is written (a bad request claims no key), then the purchase runs once per key.
 */
@Singleton
public class PurchaseRoute implements Route {
  public static final String FUNCTION = "purchase";

  private final HttpIdempotency idempotency;
  private final PurchaseService purchases;
  private final Checkpoints checkpoints;

  @Inject
  public PurchaseRoute(HttpIdempotency idempotency, PurchaseService purchases, Checkpoints checkpoints) {
    this.idempotency = idempotency;
    this.purchases = purchases;
    this.checkpoints = checkpoints;
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    Caller caller = request.caller();
    HttpIdempotency.key(request, true).orElseThrow();
    PurchaseRequest body = request.body(PurchaseRequest.class);
    ApiResponse response = idempotency.apply(FUNCTION, request, true,
        claim -> ApiResponse.json(201, purchases.purchase(caller, claim, body)));
    checkpoints.reached(Checkpoint.RESPONSE_STORED);
    return response;
  }
}
