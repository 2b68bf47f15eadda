package com.tickethub.bench;

import java.util.Arrays;

/** {@code java -jar bench/target/bench.jar coldstart|load|live|seatmap|onsale}: prints its results as markdown tables. */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "";
    String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
    switch (which) {
      case "coldstart" -> ColdStartBench.main(rest);
      case "load" -> PurchaseLoadBench.main(rest);
      case "live" -> LiveBench.main(rest);
      case "seatmap" -> SeatMapBench.main(rest);
      case "onsale" -> OnSaleBench.main(rest);
      default -> {
        System.err.println("usage: bench coldstart [runs] | load [tickets] [threads,...] | live [viewers] [buyers] [seconds]"
            + " | seatmap [seats,...] | onsale [buyers]");
        System.exit(2);
      }
    }
  }
}
