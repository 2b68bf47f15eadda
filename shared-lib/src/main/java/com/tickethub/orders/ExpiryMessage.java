package com.tickethub.orders;

import com.tickethub.http.Validation;

/** The body of a hold-expiry message: which order to look at when its hold is due. */
public record ExpiryMessage(String orderId) {
  public ExpiryMessage {
    orderId = Validation.text("orderId", orderId, 128);
  }
}
