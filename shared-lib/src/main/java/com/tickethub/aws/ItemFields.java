package com.tickethub.aws;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.mapper.ImmutableAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The builder a {@link StaticImmutableTableSchema} fills while it reads an item into a record: the attributes read
 * so far, by name, handed to the record's constructor once the item is read. Records have no builders, and one
 * such bag for every schema spares each record a mutable twin. An attribute the item lacks (or holds as NULL) is
 * absent here.
 */
public final class ItemFields {
  private final Map<String, Object> values = new HashMap<>();

  /** The attribute {@code name}: written from the record's {@code getter} (not at all when null), read back here. */
  public static <T, R> Consumer<ImmutableAttribute.Builder<T, ItemFields, R>> field(String name, Function<T, R> getter) {
    return attribute -> attribute.name(name).getter(getter).setter((fields, value) -> fields.values.put(name, value));
  }

  /**
   * An attribute derived from the record's fields (a key, an index key, a count that conditions test): written,
   * and not read back, since the record already holds what it is made of.
   */
  public static <T, R> Consumer<ImmutableAttribute.Builder<T, ItemFields, R>> derived(String name,
      Function<T, R> getter) {
    return attribute -> attribute.name(name).getter(getter).setter((fields, value) -> {});
  }

  /** The value read for {@code name}; null if the item lacked it. */
  @SuppressWarnings("unchecked")
  public <R> R get(String name) {
    return (R) values.get(name);
  }

  /** The value read for {@code name}, or {@code absent} if the item lacked it. */
  public <R> R get(String name, R absent) {
    R value = get(name);
    return value == null ? absent : value;
  }
}
