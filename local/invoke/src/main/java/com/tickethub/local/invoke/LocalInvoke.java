package com.tickethub.local.invoke;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.joda.time.DateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner of the local {@code invoke} command (the counterpart of {@code sam local invoke}). Started in
 * a fresh JVM on one function's own shaded jar with that function's environment, it builds the handler
 * as Lambda does (no-argument constructor), reads the event file into the handler's input type, calls
 * it once and prints the result as JSON on stdout. A handler error is printed as Lambda reports it
 * ({@code errorMessage}, {@code errorType}) with exit status 1.
 *
 * <p>Usage: {@code java -cp <function>.jar com.tickethub.local.invoke.LocalInvoke <handler class> <event file>
 * [<function name> <timeout seconds>]}
 */
public final class LocalInvoke {
  /**
   * Reads events in the shape AWS sends them into the aws-lambda-java-events classes, whose property
   * names differ in case ({@code Records}, {@code eventSourceARN}) or spelling ({@code detail-type}).
   */
  public static final ObjectMapper EVENTS = JsonMapper.builder()
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .addMixIn(ScheduledEvent.class, ScheduledEventShape.class)
      .addMixIn(StreamRecord.class, StreamRecordShape.class)
      .build();

  private LocalInvoke() {}

  public static void main(String[] args) throws IOException, ReflectiveOperationException {
    if (args.length < 2) {
      System.err.println("usage: LocalInvoke <handler class> <event file> [<function name> <timeout seconds>]");
      System.exit(2);
    }
    Class<?> handlerClass = Class.forName(args[0]);
    @SuppressWarnings("unchecked")
    RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) handlerClass.getConstructor().newInstance();
    Object event = EVENTS.readValue(Path.of(args[1]).toFile(), EVENTS.constructType(inputType(handlerClass)));
    Context context = new LambdaContext(args.length > 2 ? args[2] : handlerClass.getSimpleName(),
        UUID.randomUUID().toString(), Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 20));
    Object result;
    try {
      result = handler.handleRequest(event, context);
    } catch (RuntimeException e) {
      System.out.println(EVENTS.writeValueAsString(error(e)));
      System.exit(1);
      return;
    }
    System.out.println(EVENTS.writerWithDefaultPrettyPrinter().writeValueAsString(result));
  }

  /** The event type {@code I} of a handler class implementing {@code RequestHandler<I, O>}. */
  public static Type inputType(Class<?> handlerClass) {
    for (Class<?> c = handlerClass; c != null; c = c.getSuperclass()) {
      for (Type type : c.getGenericInterfaces()) {
        if (type instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
          return p.getActualTypeArguments()[0];
        }
      }
    }
    throw new IllegalArgumentException(handlerClass.getName() + " does not implement RequestHandler<I, O>");
  }

  private static Map<String, Object> error(RuntimeException e) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("errorMessage", e.getMessage());
    error.put("errorType", e.getClass().getName());
    error.put("stackTrace", Arrays.stream(e.getStackTrace()).map(String::valueOf).toList());
    return error;
  }

  /** What a handler learns about its invocation: names, request id, time left, a logger. */
  public static final class LambdaContext implements Context {
    private final String functionName;
    private final String awsRequestId;
    private final long deadlineNanos;
    private final Logger log;

    public LambdaContext(String functionName, String awsRequestId, Duration timeout) {
      this.functionName = functionName;
      this.awsRequestId = awsRequestId;
      this.deadlineNanos = System.nanoTime() + timeout.toNanos();
      this.log = LoggerFactory.getLogger("lambda." + functionName);
    }

    @Override
    public String getAwsRequestId() {
      return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
      return "local";
    }

    @Override
    public String getFunctionName() {
      return functionName;
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
      return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {
          log.info(message);
        }

        @Override
        public void log(byte[] message) {
          log.info(new String(message, StandardCharsets.UTF_8));
        }
      };
    }
  }

  /** EventBridge spells {@code detail-type} and sends {@code time} as ISO-8601 text. */
  private abstract static class ScheduledEventShape {
    @JsonProperty("detail-type")
    abstract String getDetailType();

    @JsonProperty("detail-type")
    abstract void setDetailType(String detailType);

    @JsonDeserialize(using = IsoDateTime.class)
    abstract void setTime(DateTime time);
  }

  /** DynamoDB Streams send {@code ApproximateCreationDateTime} in epoch seconds, not milliseconds. */
  private abstract static class StreamRecordShape {
    @JsonDeserialize(using = EpochSeconds.class)
    abstract void setApproximateCreationDateTime(Date time);

    @JsonSerialize(using = EpochSecondsWriter.class)
    abstract Date getApproximateCreationDateTime();
  }

  private static final class EpochSeconds extends JsonDeserializer<Date> {
    @Override
    public Date deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      return new Date(Math.round(parser.getValueAsDouble() * 1000));
    }
  }

  private static final class EpochSecondsWriter extends JsonSerializer<Date> {
    @Override
    public void serialize(Date value, JsonGenerator generator, SerializerProvider provider) throws IOException {
      generator.writeNumber(value.getTime() / 1000.0);
    }
  }

  private static final class IsoDateTime extends JsonDeserializer<DateTime> {
    @Override
    public DateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      return DateTime.parse(parser.getValueAsString());
    }
  }
}
