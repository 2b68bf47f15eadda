package com.tickethub.errors;

/** 422: outside the ticket type's sales window. */
public final class SalesClosed extends DomainException {
  public SalesClosed(String detail) {
    super(422, "sales_closed", "Sales closed", detail);
  }
}
