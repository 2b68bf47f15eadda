package com.tickethub.orders;

import com.tickethub.errors.InvalidRequest;
import com.tickethub.http.Validation;

/**
 * The body of a hold-expiry queue message: which order to reconcile when it is due. A {@code HOLD} message is
 * sent by the purchase before its first hold, so that even holds of an order that was never written come back;
 * a {@code RETURNS} message drops a refunded order's returns markers once no finisher can still need them.
 * {@code firstAttempt} says the message was sent by the purchase attempt that started the order (a fresh
 * Idempotency-Key claim, whose token no attempt used before): any other attempt that takes stock under the order's
 * id sends its own message without it, so the first attempt's message, finding the order PAID, knows there is
 * nothing to look for beyond what the order lists (model/PROTOCOL.md, "expiry message").
 */
public record ExpiryMessage(String orderId, String eventId, String buyerId, Kind kind, boolean firstAttempt) {
  public enum Kind { HOLD, RETURNS }

  public ExpiryMessage(String orderId, String eventId, String buyerId, Kind kind) {
    this(orderId, eventId, buyerId, kind, false);
  }

  public ExpiryMessage {
    orderId = Validation.text("orderId", orderId, 128);
    eventId = Validation.text("eventId", eventId, 128);
    buyerId = Validation.text("buyerId", buyerId, 512);
    if (kind == null) {
      throw new InvalidRequest("kind", "is required");
    }
  }

  static ExpiryMessage hold(Order order) {
    return new ExpiryMessage(order.orderId(), order.eventId(), order.buyerId(), Kind.HOLD);
  }
}
