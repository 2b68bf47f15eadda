package com.tickethub.aws;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.tickethub.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming through the CRaC runtime hooks: Lambda calls every registered resource's
 * {@code beforeCheckpoint} once, after init and before it takes the snapshot that later containers start from.
 * A priming step is a dry run that writes nothing: a read of a key that never exists (warms the SDK client, its
 * marshalling, signing and HTTP connection), or the handler called with an event that it answers with a 4xx
 * before any write (warms the JSON mappers, the handler's path, the problem documents). A failing step never
 * fails the snapshot: it is logged and the next one runs.
 *
 * <p>Registered only where a snapshot can be taken (the handler's no-argument constructor, the one Lambda calls;
 * SDK clients when {@code AWS_LAMBDA_FUNCTION_NAME} is set): tests and the local server build many components and
 * never checkpoint. Kept strongly here, since the CRaC context only holds weak references.
 */
public final class Priming implements Resource {
  private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
  private static final List<Priming> STEPS = new CopyOnWriteArrayList<>();
  static final String DRY_RUN = "/priming/dry-run.json";
  /**
   * Reads the dry-run events (API Gateway HTTP and SQS, in the shape AWS sends them) into the
   * aws-lambda-java-events classes, whose property names differ in case ({@code Records}).
   */
  private static final ObjectMapper EVENTS = JsonMapper.builder()
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private final String name;
  private final Runnable dryRun;

  private Priming(String name, Runnable dryRun) {
    this.name = name;
    this.dryRun = dryRun;
  }

  /** Whether this JVM runs in Lambda, where a snapshot can be taken: only there are priming steps registered. */
  public static boolean inLambda(Config config) {
    return config.optional("AWS_LAMBDA_FUNCTION_NAME").isPresent();
  }

  /** Runs {@code dryRun} before the snapshot. */
  public static void register(String name, Runnable dryRun) {
    Priming step = new Priming(name, dryRun);
    STEPS.add(step);
    Core.getGlobalContext().register(step);
  }

  /**
   * Registers the dry run of a function's handler: called with the event of its jar's {@code priming/dry-run.json}
   * (one it answers with a 4xx, or a batch failure, before writing anything), when the jar has one.
   */
  @SuppressWarnings("unchecked")
  public static void handler(RequestHandler<?, ?> handler) {
    Class<?> type = handler.getClass();
    if (type.getResource(DRY_RUN) == null) {
      return;
    }
    register(type.getSimpleName(), () -> {
      try (InputStream in = type.getResourceAsStream(DRY_RUN)) {
        Object event = EVENTS.readValue(in, EVENTS.constructType(inputType(type)));
        ((RequestHandler<Object, Object>) handler).handleRequest(event, new DryRunContext(type.getSimpleName()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    long start = System.nanoTime();
    try {
      dryRun.run();
    } catch (RuntimeException | Error e) {
      LOG.warn("Priming step {} failed; the snapshot is taken anyway", name, e);
    }
    LOG.debug("Priming step {} took {} ms", name, (System.nanoTime() - start) / 1_000_000);
  }

  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    // Nothing to renew: the SDK clients reopen connections and the credentials provider refreshes on its own.
  }

  /**
   * Runs every registered step now, as Lambda would before the snapshot: for measuring a primed JVM where no
   * CRaC-capable JDK is at hand ({@code ColdStartProbe} of local-invoke, by reflection).
   */
  public static int primeNow() {
    STEPS.forEach(step -> step.beforeCheckpoint(null));
    return STEPS.size();
  }

  /** The event type {@code I} of a handler class implementing {@code RequestHandler<I, O>}. */
  private static Type inputType(Class<?> handlerClass) {
    for (Class<?> c = handlerClass; c != null; c = c.getSuperclass()) {
      for (Type type : c.getGenericInterfaces()) {
        if (type instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
          return p.getActualTypeArguments()[0];
        }
      }
    }
    throw new IllegalArgumentException(handlerClass.getName() + " does not implement RequestHandler<I, O>");
  }

  /** The invocation a dry run is: no caller, no deadline to speak of, its log lines into this class's logger. */
  private record DryRunContext(String functionName) implements Context {
    @Override
    public String getAwsRequestId() {
      return "priming";
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
      return "priming";
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
      return functionName;
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
      return 20_000;
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
          LOG.debug(message);
        }

        @Override
        public void log(byte[] message) {
          LOG.debug(new String(message, java.nio.charset.StandardCharsets.UTF_8));
        }
      };
    }
  }
}
