package com.tickethub.aws;

import com.fasterxml.jackson.core.type.TypeReference;
import com.tickethub.http.Json;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The DynamoDB attribute conversions every repository and table schema needs, in one place. */
public final class Attributes {
  private Attributes() {}

  public static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  public static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  /** A list of strings (a list, not a set: it may be empty and keeps its order). */
  public static AttributeValue strings(List<String> values) {
    return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
  }

  /** A number attribute of an item read back; 0 when the item lacks it. */
  public static long num(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? 0 : Long.parseLong(value.n());
  }

  /**
   * A value stored as one JSON text attribute (a list of ticket types, an order's items, a payment): always read
   * and written whole, never updated in place by an expression.
   */
  public static <T> AttributeConverter<T> json(EnhancedType<T> type, TypeReference<T> stored) {
    return converter(type, AttributeValueType.S, value -> s(Json.write(value)), value -> Json.stored(value.s(), stored));
  }

  /** A table schema's converter for a value whose attribute layout the project defines itself. */
  public static <T> AttributeConverter<T> converter(EnhancedType<T> type, AttributeValueType stored,
      Function<T, AttributeValue> write, Function<AttributeValue, T> read) {
    return new AttributeConverter<>() {
      @Override
      public AttributeValue transformFrom(T value) {
        return write.apply(value);
      }

      @Override
      public T transformTo(AttributeValue value) {
        return read.apply(value);
      }

      @Override
      public EnhancedType<T> type() {
        return type;
      }

      @Override
      public AttributeValueType attributeValueType() {
        return stored;
      }
    };
  }
}
