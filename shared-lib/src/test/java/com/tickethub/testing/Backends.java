package com.tickethub.testing;

/** What a test backend (TICKETHUB_TEST_BACKEND) cannot show, for the tests that then do not run on it. */
public final class Backends {
  /**
   * moto 5 applies concurrent writes to one item without serializing them: 16 threads racing a conditional
   * decrement ({@code SET available = available - :one} if {@code available >= :one}) of 100 units had 105
   * succeed and left {@code available} at -2. DynamoDB documents PutItem, UpdateItem and DeleteItem as atomic
   * (the condition is checked in the same step as the write), and dynalite behaves so: a race test on moto
   * would only measure moto. Those tests run on dynalite; every other test runs on both.
   */
  public static final String MOTO_DOES_NOT_SERIALIZE_WRITES =
      "moto does not serialize concurrent conditional writes to one item (DynamoDB and dynalite do)";

  private Backends() {}
}
