package com.tickethub.local.server;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JavaType;
import com.tickethub.local.invoke.LocalInvoke;
import com.tickethub.local.stack.DynamoRequests;
import com.tickethub.local.stack.LocalAws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The template's functions hosted in this JVM, as Lambda would run them: each handler built once, in
 * a class loader of its own module, through its {@code (Map<String, String> env)} constructor with the
 * environment the template gives it. Handlers are thread-safe singletons, so invocations may run
 * concurrently, as in several Lambda containers.
 */
public final class FunctionHost implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FunctionHost.class);

  private final Map<String, Hosted> functions = new LinkedHashMap<>();

  private record Hosted(TemplateFunction definition, URLClassLoader loader, RequestHandler<Object, Object> handler,
      JavaType inputType, String failure) {}

  private FunctionHost() {}

  /**
   * Builds every function of the template. A function that cannot be built is reported by
   * {@link #failures()} and answers with an error, while the others run. {@code endpoints} replace the values of
   * the variables they name where a function has them: the server's own stand-ins of AWS endpoints.
   */
  public static FunctionHost start(Path root, List<TemplateFunction> definitions, LocalAws aws,
      Map<String, String> parameters, Map<String, String> endpoints) {
    FunctionHost host = new FunctionHost();
    for (TemplateFunction definition : definitions) {
      Map<String, String> env = new HashMap<>(aws.functionEnvironment(definition.logicalId(), parameters));
      endpoints.forEach((name, value) -> env.computeIfPresent(name, (n, template) -> value));
      host.functions.put(definition.logicalId(), host(root, definition, env));
    }
    return host;
  }

  private static Hosted host(Path root, TemplateFunction definition, Map<String, String> env) {
    URLClassLoader loader = classLoader(root, definition);
    try {
      Class<?> handlerClass = Class.forName(definition.handlerClass(), true, loader);
      JavaType inputType = LocalInvoke.EVENTS.constructType(LocalInvoke.inputType(handlerClass));
      @SuppressWarnings("unchecked")
      RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) withLoader(loader,
          () -> handlerClass.getConstructor(Map.class).newInstance(Map.copyOf(env)));
      LOG.info("{} ready ({})", definition.logicalId(), definition.handlerClass());
      return new Hosted(definition, loader, handler, inputType, null);
    } catch (Exception | LinkageError e) {
      LOG.error("{} could not be built from {}", definition.logicalId(), definition.codeUri(), e);
      return new Hosted(definition, loader, null, null, e.toString());
    }
  }

  /**
   * The class loader of a function's module: its compiled classes, then its shaded jar for libraries
   * that only it uses, over this server's class path (shared-lib, the SDK and the Lambda event classes,
   * shared by all functions, as the classes passed between server and handler must be).
   */
  public static URLClassLoader classLoader(Path root, TemplateFunction definition) {
    List<URL> urls = new ArrayList<>();
    try {
      urls.add(definition.classes(root).toUri().toURL());
      if (Files.isRegularFile(definition.jar(root))) {
        urls.add(definition.jar(root).toUri().toURL());
      }
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
    return new URLClassLoader(definition.logicalId(), urls.toArray(URL[]::new), FunctionHost.class.getClassLoader());
  }

  /** Calls the function with an event, converted to the handler's input type when it is another class. */
  public Object invoke(String logicalId, Object event) throws Exception {
    Hosted hosted = functions.get(logicalId);
    if (hosted == null) {
      throw new IllegalArgumentException("No function " + logicalId);
    }
    if (hosted.handler() == null) {
      throw new IllegalStateException(logicalId + " failed to start: " + hosted.failure());
    }
    Object input = hosted.inputType().getRawClass().isInstance(event) ? event
        : LocalInvoke.EVENTS.convertValue(event, hosted.inputType());
    LocalInvoke.LambdaContext context = new LocalInvoke.LambdaContext(logicalId, UUID.randomUUID().toString(),
        hosted.definition().timeout());
    long started = System.nanoTime();
    Object result = DynamoRequests.in(logicalId,
        () -> withLoader(hosted.loader(), () -> hosted.handler().handleRequest(input, context)));
    if (context.getRemainingTimeInMillis() == 0) {
      LOG.warn("{} ran {} ms, longer than its timeout of {}: Lambda would have stopped it", logicalId,
          (System.nanoTime() - started) / 1_000_000, hosted.definition().timeout());
    }
    return result;
  }

  /** The functions that could not be built, with the reason. */
  public Map<String, String> failures() {
    Map<String, String> failures = new LinkedHashMap<>();
    functions.forEach((id, hosted) -> {
      if (hosted.failure() != null) {
        failures.put(id, hosted.failure());
      }
    });
    return failures;
  }

  public List<String> names() {
    return List.copyOf(functions.keySet());
  }

  /** Runs with the function's class loader as the thread's context loader, as its Lambda container would. */
  private static <T> T withLoader(ClassLoader loader, Callable<T> work) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return work.call();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  public void close() {
    for (Hosted hosted : functions.values()) {
      try {
        hosted.loader().close();
      } catch (IOException e) {
        LOG.debug("closing the class loader of {}", hosted.definition().logicalId(), e);
      }
    }
  }
}
