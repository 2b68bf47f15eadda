package com.tickethub.local.server;

import com.tickethub.http.ApiResponse;
import com.tickethub.local.stack.DynamoRequests;
import com.tickethub.local.stack.LocalAws;
import com.tickethub.local.stack.ProjectRoot;
import com.tickethub.local.stack.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local server, TicketHub's stand-in for {@code sam local start-api}: the template's tables and
 * queues on dynalite and ElasticMQ, every function built once in this JVM, the HTTP API with its JWT
 * authorizer and the WebSocket API ({@code /live}) on one port, and the SQS and DynamoDB stream event
 * sources and schedules running against the functions.
 * {@code invoke} runs one function's own jar instead ({@link Invoke}).
 */
public final class LocalServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalServer.class);
  /** Request threads: enough for the load benchmark's buyers, each blocked in a function call. */
  private static final int MAX_THREADS = 200;

  private final LocalAws aws;
  private final FunctionHost functions;
  private final JwtAuthorizer authorizer;
  private final Server http;
  private final int port;
  /** What runs beside the HTTP server, stopped in this order before the functions. */
  private final List<AutoCloseable> parts;

  private LocalServer(LocalAws aws, FunctionHost functions, JwtAuthorizer authorizer, Server http, int port,
      List<AutoCloseable> parts) {
    this.aws = aws;
    this.functions = functions;
    this.authorizer = authorizer;
    this.http = http;
    this.port = port;
    this.parts = parts.stream().filter(Objects::nonNull).toList();
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
    // In memory, the tests' backend (TICKETHUB_TEST_BACKEND) applies: dynalite + ElasticMQ unless it says moto.
    LocalAws aws = options.dataDir() == null ? LocalAws.inMemory(template, true)
        : LocalAws.start(template, options.dataDir(), true);
    Deque<AutoCloseable> running = new ArrayDeque<>(List.of(aws));
    try {
      LocalSecrets.fill(aws, options.dataDir(), environment);
      // The port comes first: the functions get the server's own URL as the live API's @connections endpoint.
      Server http = jetty(options.port());
      running.push(http::stop);
      ServerConnector connector = (ServerConnector) http.getConnectors()[0];
      try {
        connector.open();
      } catch (IOException e) {
        if (e instanceof BindException || e.getCause() instanceof BindException) {
          throw Options.portInUse(options.port());
        }
        throw e;
      }
      int port = connector.getLocalPort();
      URI baseUri = URI.create("http://127.0.0.1:" + port);
      FunctionHost functions = FunctionHost.start(options.root(), definitions, aws, options.parameters(),
          Map.of(LiveGateway.CONNECTIONS_ENDPOINT, baseUri.toString()));
      running.push(functions);
      SqsEventSources sqs = SqsEventSources.start(definitions, functions, aws);
      running.push(sqs);
      StreamEventSources streams = StreamEventSources.start(definitions, functions, aws);
      running.push(streams);
      Schedules schedules = Schedules.start(definitions, functions, options.firstRateDelay());
      running.push(schedules);
      JwtAuthorizer authorizer = JwtAuthorizer.create(options.dataDir());
      RouteTable routes = RouteTable.of(template, definitions);
      LocalServices services = new LocalServices(aws, functions, routes, authorizer, baseUri,
          LocalSecrets.webhookSecret(environment));
      LiveGateway live = WebSocketApi.of(template, definitions, options.parameters())
          .map(api -> new LiveGateway(api, functions)).orElse(null);
      if (live != null) {
        running.push(live);
      }
      HttpFrontend frontend = new HttpFrontend(localRoutes(services), routes, authorizer, functions,
          Cors.of(template), WebApp.of(options.root(), live == null ? null : "/live"), port, live, aws::dynamoAvailable);
      http.setHandler(live == null ? frontend : withWebSocket(http, live, frontend));
      http.start();
      return new LocalServer(aws, functions, authorizer, http, port, Arrays.asList(live, streams, schedules, sqs));
    } catch (Exception e) {
      running.forEach(LocalServer::closeQuietly);
      throw e instanceof IOException io ? new UncheckedIOException(io)
          : e instanceof RuntimeException r ? r : new IllegalStateException("The HTTP server did not start", e);
    }
  }

  /**
   * The WebSocket API at {@link LiveGateway#PATH}, upgraded in front of the HTTP routes on the same port;
   * {@code $connect} runs before the upgrade and may refuse it with its status.
   */
  private static Handler withWebSocket(Server http, LiveGateway live, HttpFrontend frontend) {
    WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(http, container -> {
      container.setIdleTimeout(LiveGateway.IDLE_TIMEOUT);
      container.setMaxTextMessageSize(LiveGateway.MAX_MESSAGE_BYTES);
      container.addMapping(LiveGateway.PATH, (request, response, callback) -> {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.getHeaders().forEach(field -> headers.computeIfAbsent(field.getLowerCaseName(),
            n -> new ArrayList<>()).add(field.getValue()));
        Object admitted = live.connect(headers, ApiGatewayEvents.queryParameters(request.getHttpURI().getQuery()),
            Request.getRemoteAddr(request));
        if (admitted instanceof LiveGateway.Pending pending) {
          return new LiveSocket(live, pending);
        }
        Response.writeError(request, response, callback, (Integer) admitted);
        return null;
      });
    });
    upgrades.setHandler(frontend);
    return upgrades;
  }

  /**
   * Jetty on the loopback address, without a Server header, and taking any path as API Gateway does
   * (encoded slashes and dots in a path parameter reach the function, which answers for them).
   */
  private static Server jetty(int port) {
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 8);
    threads.setName("http");
    threads.setDaemon(true);
    Server server = new Server(threads);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setUriCompliance(UriCompliance.UNSAFE);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    server.setStopTimeout(5_000);
    return server;
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
        .add("POST", "/_local/stripe/pay", new StripePayRoute(services)::handle)
        .add("GET", "/_local/dynamodb/requests", request -> ApiResponse.json(200, DynamoRequests.snapshot()));
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port);
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
    try {
      http.stop();
    } catch (Exception e) {
      LOG.warn("Stopping the HTTP server", e);
    }
    parts.forEach(LocalServer::closeQuietly);
    functions.close();
    aws.close();
  }
}
