package com.tickethub.bench;

import com.tickethub.local.stack.LocalHttp;
import java.util.Arrays;

/** {@code java -jar bench/target/bench.jar coldstart|load|cost|sweep|scale|chart|live|seatmap|onsale}: prints markdown tables. */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    LocalHttp.configureJvm(); // the raw-rate probe's threads keep their connections, as the server's clients do
    String which = args.length > 0 ? args[0] : "";
    String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
    switch (which) {
      case "coldstart" -> ColdStartBench.main(rest);
      case "load" -> PurchaseLoadBench.main(rest);
      case "cost" -> CostBench.main(rest);
      case "sweep" -> SweepBench.main(rest);
      case "scale" -> ScaleBench.main(rest);
      case "chart" -> Charts.main(rest);
      case "live" -> LiveBench.main(rest);
      case "seatmap" -> SeatMapBench.main(rest);
      case "onsale" -> OnSaleBench.main(rest);
      default -> {
        System.err.println("usage: bench coldstart [runs] [Function,...] | load [tickets] [buyers,...] [--label L] [--jfr] [--tree DIR]"
            + " | cost [orders] [tree] | sweep [finished] | scale | chart | live [viewers] [buyers] [seconds]"
            + " | seatmap [seats,...] | onsale [buyers]");
        System.exit(2);
      }
    }
  }
}
