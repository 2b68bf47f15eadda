package com.tickethub.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/** The random choices of one generated scenario, all from one seeded generator: one seed, one scenario. */
public final class Draw {
  /** A choice, made {@code weight} times as often as a choice of weight 1. */
  public record Weighted<T>(int weight, Supplier<? extends T> value) {}

  private final Random random;

  public Draw(long seed) {
    this.random = new Random(seed);
  }

  public static <T> Weighted<T> weight(int weight, Supplier<? extends T> value) {
    return new Weighted<>(weight, value);
  }

  /** Any of min..max, inclusive, each as likely. */
  public int between(int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  public boolean coin() {
    return random.nextBoolean();
  }

  @SafeVarargs
  public final <T> T of(T... values) {
    return values[random.nextInt(values.length)];
  }

  public <T> T of(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Null with probability {@code nullChance}, else any of {@code values}. */
  public <T> T orNull(double nullChance, List<T> values) {
    return random.nextDouble() < nullChance ? null : of(values);
  }

  /** An index of {@code weights}, each drawn as often as its weight says: {@code index(3, 1)} is 0 three times in 4. */
  public int index(int... weights) {
    int pick = random.nextInt(Arrays.stream(weights).sum());
    int index = 0;
    while (pick >= weights[index]) {
      pick -= weights[index++];
    }
    return index;
  }

  @SafeVarargs
  public final <T> T oneOf(Weighted<? extends T>... choices) {
    return choices[index(Arrays.stream(choices).mapToInt(Weighted::weight).toArray())].value().get();
  }

  /** A list of min..max elements, every size as likely (most interesting scenarios need several steps). */
  public <T> List<T> list(int min, int max, Supplier<? extends T> element) {
    int size = between(min, max);
    List<T> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(element.get());
    }
    return list;
  }
}
