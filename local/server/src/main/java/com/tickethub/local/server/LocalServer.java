package com.tickethub.local.server;

import com.sun.net.httpserver.HttpServer;
import com.tickethub.local.stack.LocalAws;
import com.tickethub.local.stack.ProjectRoot;
import com.tickethub.local.stack.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local server, TicketHub's stand-in for {@code sam local start-api}: the template's tables and
 * queues on dynalite and ElasticMQ, every function built once in this JVM, the HTTP API with its JWT
 * authorizer on one port, and the SQS event sources and schedules running against the functions.
 * {@code invoke} runs one function's own jar instead ({@link Invoke}).
 */
public final class LocalServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalServer.class);
  private static final int WORKER_THREADS = 32;

  private final LocalAws aws;
  private final FunctionHost functions;
  private final JwtAuthorizer authorizer;
  private final HttpServer http;
  private final ExecutorService workers;
  private final SqsEventSources sqs;
  private final Schedules schedules;

  private LocalServer(LocalAws aws, FunctionHost functions, JwtAuthorizer authorizer, HttpServer http,
      ExecutorService workers, SqsEventSources sqs, Schedules schedules) {
    this.aws = aws;
    this.functions = functions;
    this.authorizer = authorizer;
    this.http = http;
    this.workers = workers;
    this.sqs = sqs;
    this.schedules = schedules;
  }

  public static void main(String[] args) {
    Map<String, String> environment = System.getenv();
    if (Options.asksForHelp(List.of(args))) {
      System.out.println(Options.USAGE);
      System.exit(0);
      return;
    }
    Options options;
    try {
      options = Options.parse(ProjectRoot.find(), environment, List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    if (!options.arguments().isEmpty() && options.arguments().get(0).equals("invoke")) {
      try {
        System.exit(Invoke.run(options, environment));
      } catch (IllegalArgumentException | IllegalStateException e) {
        System.err.println(e.getMessage());
        System.exit(2);
      }
    }
    if (!options.arguments().isEmpty()) {
      System.err.println("Unknown arguments " + options.arguments() + "\n" + Options.USAGE);
      System.exit(2);
    }
    try {
      // What a user can fix is said at once, before the emulators start.
      options.requireUnusedDataFolder();
      options.requireFreePort();
    } catch (IllegalStateException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    LocalServer server;
    try {
      server = start(options, environment);
    } catch (IllegalStateException | UncheckedIOException e) {
      LOG.error("The local server cannot start: {}", e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "local-server-stop"));
    LOG.info("TicketHub local server on {} (data: {}); Ctrl-C stops it", server.baseUri(),
        options.dataDir() == null ? "in memory" : options.dataDir());
  }

  /**
   * Starts everything; {@code environment} is the server's own (for STRIPE_WEBHOOK_SECRET). If a part
   * fails to start, the parts already running are stopped again.
   */
  public static LocalServer start(Options options, Map<String, String> environment) {
    options.requireUnusedDataFolder();
    Template template = Template.read(options.template());
    List<TemplateFunction> definitions = TemplateFunction.all(template);
    LocalAws aws = LocalAws.start(template, options.dataDir());
    Deque<AutoCloseable> running = new ArrayDeque<>(List.of(aws));
    try {
      LocalSecrets.fill(aws, options.dataDir(), environment);
      FunctionHost functions = FunctionHost.start(options.root(), definitions, aws, options.parameters());
      running.push(functions);
      SqsEventSources sqs = SqsEventSources.start(definitions, functions, aws);
      running.push(sqs);
      Schedules schedules = Schedules.start(definitions, functions, options.firstRateDelay());
      running.push(schedules);
      JwtAuthorizer authorizer = JwtAuthorizer.create(options.dataDir());
      HttpServer http;
      try {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
      } catch (BindException e) {
        throw Options.portInUse(options.port());
      }
      int port = http.getAddress().getPort();
      RouteTable routes = RouteTable.of(template, definitions);
      LocalServices services = new LocalServices(aws, functions, routes, authorizer,
          URI.create("http://127.0.0.1:" + port), LocalSecrets.webhookSecret(environment));
      http.createContext("/", new HttpFrontend(localRoutes(services), routes, authorizer,
          functions, Cors.of(template), port, aws::dynamoAvailable));
      ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, named("http-"));
      http.setExecutor(workers);
      http.start();
      return new LocalServer(aws, functions, authorizer, http, workers, sqs, schedules);
    } catch (IOException | RuntimeException e) {
      running.forEach(LocalServer::closeQuietly);
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  private static void closeQuietly(AutoCloseable part) {
    try {
      part.close();
    } catch (Exception e) {
      LOG.debug("stopping {} after a failed start", part, e);
    }
  }

  /**
   * The local-only routes, beside the template's. Adding one is one line here, e.g.
   * {@code .add("POST", "/_local/stripe/pay", new StripePay(services)::handle)}.
   */
  private static LocalRoutes localRoutes(LocalServices services) {
    return new LocalRoutes()
        .add("GET", "/_local/health", new Health(services)::handle)
        .add("POST", "/_local/token", new TokenRoute(services.authorizer())::handle)
        .add("POST", "/_local/stripe/pay", new StripePayRoute(services)::handle);
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  public JwtAuthorizer authorizer() {
    return authorizer;
  }

  public LocalAws aws() {
    return aws;
  }

  /** Stops taking requests, lets running ones finish (up to 5 s), then stops pollers, schedules and dynalite. */
  @Override
  public synchronized void close() {
    LOG.info("Stopping the local server");
    http.stop(0);
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    schedules.close();
    sqs.close();
    functions.close();
    aws.close();
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
