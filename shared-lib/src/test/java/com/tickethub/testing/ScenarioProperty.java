package com.tickethub.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A property of generated scenarios (lists of steps), each run against the real services: every try draws its
 * scenario from its own seed and runs it; the first scenario that fails is shrunk and reported with the seed that
 * draws it again ({@code -Dtickethub.properties.seed=...} makes that seed the first try).
 *
 * <p>Shrinking is delta debugging: remove runs of steps, halving their length down to single steps, then replace
 * steps by simpler ones, as long as the run still fails the same way (the same exception class), until nothing can
 * go; every run is a fresh run of the real services, so they are bounded. What is reported is a scenario none of
 * whose steps can be dropped, with the failure of its own run (for the life-cycle, its trace).
 */
public final class ScenarioProperty<S> {
  public static final String SEED = "tickethub.properties.seed";
  /** The system property that sets the number of tries of a property, for a long run by hand. */
  public static final String TRIES = "tickethub.properties.tries";
  /** Runs spent shrinking at most: a few minutes of the real services, enough for twenty-odd steps. */
  private static final int MAX_SHRINK_RUNS = 150;

  /** A scenario and how it failed. */
  private record Failed<S>(List<S> scenario, Throwable failure) {}

  private final Function<Draw, List<S>> scenarios;
  private final Function<S, List<S>> simpler;
  private final Consumer<List<S>> run;
  private int shrinkRuns;

  /**
   * @param scenarios draws a scenario
   * @param simpler the simpler variants of a step to try in its place while shrinking (none: an empty list)
   * @param run runs a scenario, throwing if the property does not hold
   */
  public ScenarioProperty(Function<Draw, List<S>> scenarios, Function<S, List<S>> simpler, Consumer<List<S>> run) {
    this.scenarios = scenarios;
    this.simpler = simpler;
    this.run = run;
  }

  /**
   * Runs {@code tries} scenarios, the first from the seed {@code -Dtickethub.properties.seed} names, if any; throws
   * an AssertionError with the shrunk scenario at the first that fails.
   */
  public void check(String name, int tries) {
    check(name, tries, Long.getLong(SEED, new Random().nextLong()));
  }

  /** Runs {@code tries} scenarios, the first drawn from {@code first}, the others from seeds {@code first} draws. */
  public void check(String name, int tries, long first) {
    System.out.println(name + ": " + tries + " tries from seed " + first + " (-D" + SEED + "=" + first + ")");
    Random seeds = new Random(first);
    for (int i = 0; i < tries; i++) {
      long seed = i == 0 ? first : seeds.nextLong();
      List<S> scenario = scenarios.apply(new Draw(seed));
      Throwable failure = failure(scenario);
      if (failure != null) {
        throw report(name, i + 1, seed, new Failed<>(scenario, failure));
      }
    }
  }

  private AssertionError report(String name, int attempt, long seed, Failed<S> found) {
    shrinkRuns = 0;
    Failed<S> smallest = shrink(found);
    return new AssertionError(name + " failed on try " + attempt + ", seed " + seed + " (-D" + SEED + "=" + seed
        + " replays it).\nShrunk from " + found.scenario().size() + " steps to " + smallest.scenario().size()
        + " in " + shrinkRuns + " runs:\n  " + lines(smallest.scenario()) + "\n"
        + smallest.failure().getMessage() + "\nThe scenario drawn:\n  " + lines(found.scenario()),
        smallest.failure());
  }

  private Failed<S> shrink(Failed<S> found) {
    Failed<S> smallest = found;
    Failed<S> before;
    do {
      before = smallest;
      for (int length = smallest.scenario().size() / 2; length >= 1; length /= 2) {
        for (int start = 0; start < smallest.scenario().size(); ) {
          List<S> shorter = new ArrayList<>(smallest.scenario());
          shorter.subList(start, Math.min(start + length, shorter.size())).clear();
          Failed<S> still = stillFails(shorter, smallest);
          if (still != null) {
            smallest = still;
          } else {
            start += length;
          }
        }
      }
      for (int i = 0; i < smallest.scenario().size(); i++) {
        for (S step : simpler.apply(smallest.scenario().get(i))) {
          List<S> simplified = new ArrayList<>(smallest.scenario());
          simplified.set(i, step);
          Failed<S> still = stillFails(simplified, smallest);
          if (still != null) {
            smallest = still;
            break;
          }
        }
      }
    } while (smallest != before && shrinkRuns < MAX_SHRINK_RUNS);
    return smallest;
  }

  /** The candidate's failure if it fails as the smallest so far does; null if not, or once the runs are spent. */
  private Failed<S> stillFails(List<S> candidate, Failed<S> smallest) {
    if (shrinkRuns >= MAX_SHRINK_RUNS) {
      return null;
    }
    shrinkRuns++;
    Throwable failure = failure(candidate);
    return failure != null && failure.getClass() == smallest.failure().getClass()
        ? new Failed<>(candidate, failure) : null;
  }

  private Throwable failure(List<S> scenario) {
    try {
      run.accept(scenario);
      return null;
    } catch (AssertionError | RuntimeException failure) {
      return failure;
    }
  }

  private String lines(List<S> scenario) {
    return scenario.stream().map(String::valueOf).collect(Collectors.joining("\n  "));
  }
}
