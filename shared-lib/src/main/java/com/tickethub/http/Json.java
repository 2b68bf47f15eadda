package com.tickethub.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tickethub.errors.InvalidRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * The one JSON mapper: strict on input (no unknown fields, no "5" for 5, no 2.5 for an integer,
 * no duplicate keys, nothing after the document, an instant only as ISO-8601 text) and turning every mapping error into a 400 that
 * names the field.
 */
public final class Json {
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .addModule(new SimpleModule("strict-instants").addDeserializer(Instant.class, new IsoInstant()))
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .withCoercionConfig(LogicalType.Textual, text -> text
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
      .build();

  private Json() {}

  public static <T> T read(String body, Class<T> type) {
    if (body == null || body.isBlank()) {
      throw new InvalidRequest("body", "a JSON body is required");
    }
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw new InvalidRequest("body", "must be a JSON object");
      }
      return value;
    } catch (JsonMappingException e) {
      throw invalid(e);
    } catch (JsonProcessingException e) {
      throw new InvalidRequest("body", "is not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }

  /** A value the project stored itself (an attribute of an item): a failure here is a bug, not bad input. */
  public static <T> T stored(String text, Class<T> type) {
    try {
      return MAPPER.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #stored(String, Class)} for generic types. */
  public static <T> T stored(String text, com.fasterxml.jackson.core.type.TypeReference<T> type) {
    try {
      return MAPPER.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InvalidRequest invalid(JsonMappingException e) {
    String path = path(e);
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidRequest invalid) {
        return path.isEmpty() ? invalid : invalid.within(path);
      }
    }
    String field = path.isEmpty() ? "body" : path;
    if (e instanceof UnrecognizedPropertyException) {
      return new InvalidRequest(field, "is not a known field");
    }
    return new InvalidRequest(field, "has the wrong type or format");
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /**
   * An instant is ISO-8601 text, as API.md says. Jackson's own reader also takes numbers as epoch seconds,
   * so {@code 0} or {@code 1e1000000000} would silently become a date in 1970.
   */
  private static final class IsoInstant extends StdScalarDeserializer<Instant> {
    private static final String EXPECTED = "must be an ISO-8601 instant such as 2027-03-01T19:30:00Z";

    IsoInstant() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        throw new InvalidRequest(null, EXPECTED);
      }
      try {
        return Instant.parse(parser.getText().strip());
      } catch (DateTimeException e) {
        throw new InvalidRequest(null, EXPECTED);
      }
    }
  }
}
