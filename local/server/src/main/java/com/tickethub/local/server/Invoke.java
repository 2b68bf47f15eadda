package com.tickethub.local.server;

import com.tickethub.local.invoke.LocalInvoke;
import com.tickethub.local.stack.LocalAws;
import com.tickethub.local.stack.Template;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code invoke <FunctionLogicalId> -e events/<file>.json}, the local {@code sam local invoke}: the
 * template's tables and queues on the data folder, then the function's OWN shaded jar in a fresh JVM
 * with the function's environment (so a class missing from the jar fails here as it would in Lambda),
 * printing the handler's response as JSON.
 */
public final class Invoke {
  private Invoke() {}

  /** The command; returns the exit status (the runner's: 0, or 1 when the handler threw). */
  static int run(Options options, Map<String, String> serverEnvironment) {
    String functionId = null;
    String eventName = null;
    List<String> args = options.arguments().subList(1, options.arguments().size());
    for (int i = 0; i < args.size(); i++) {
      if ((args.get(i).equals("-e") || args.get(i).equals("--event")) && i + 1 < args.size()) {
        eventName = args.get(++i);
      } else if (functionId == null) {
        functionId = args.get(i);
      } else {
        throw new IllegalArgumentException("Unexpected argument " + args.get(i) + "\n" + Options.USAGE);
      }
    }
    if (functionId == null || eventName == null) {
      throw new IllegalArgumentException(Options.USAGE);
    }
    Path event = eventFile(options.root(), eventName);
    options.requireUnusedDataFolder();
    Template template = Template.read(options.template());
    TemplateFunction function = TemplateFunction.named(template, functionId);
    try {
      String sample = Files.readString(event);
      if (SampleWorld.needed(sample)) {
        // The sample refers to an event, orders and tickets: a local server on the same data makes them first.
        try (LocalServer server = LocalServer.start(options.withPort(0), serverEnvironment)) {
          SampleWorld world = SampleWorld.seed(server.baseUri(), options.root(),
              LocalSecrets.webhookSecret(serverEnvironment));
          Path filled = Files.createTempFile("tickethub-sample-", ".json");
          filled.toFile().deleteOnExit();
          Files.writeString(filled, world.fill(sample));
          return command(options.root(), server.aws(), function, filled, options.parameters())
              .inheritIO().start().waitFor();
        }
      }
      try (LocalAws aws = LocalAws.start(template, options.dataDir(), false)) {
        LocalSecrets.fill(aws, options.dataDir(), serverEnvironment);
        ProcessBuilder process = command(options.root(), aws, function, event, options.parameters());
        return process.inheritIO().start().waitFor();
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }

  /**
   * The fresh JVM for one invocation: {@code java -cp <runner>:<function jar> LocalInvoke <handler> <event>}
   * with only the function's environment (template Globals and its own variables, resolved to the local
   * services; the secrets it names are in the local Secrets Manager, {@link LocalSecrets}).
   */
  public static ProcessBuilder command(Path root, LocalAws aws, TemplateFunction function, Path event,
      Map<String, String> parameters) {
    Path jar = function.jar(root);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " does not exist: build it with `mvn -q -DskipTests package`");
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    // The runner comes from its own small jar (or classes folder), beside the function's jar: the deployable
    // jar carries nothing local, and a class it lacks still fails here as in Lambda.
    String classPath = runnerLocation() + File.pathSeparator + jar;
    ProcessBuilder process = new ProcessBuilder(java.toString(), "-cp", classPath, LocalInvoke.class.getName(),
        function.handlerClass(), event.toAbsolutePath().toString(), function.logicalId(),
        String.valueOf(function.timeout().toSeconds()));
    process.environment().clear();
    process.environment().putAll(aws.functionEnvironment(function.logicalId(), parameters));
    return process;
  }

  /** Where the runner's class was loaded from: local-invoke's jar, or its classes folder in a build. */
  static Path runnerLocation() {
    try {
      return Path.of(LocalInvoke.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The event file as given, or else relative to the project root. */
  private static Path eventFile(Path root, String name) {
    Path file = Path.of(name);
    if (!Files.isRegularFile(file) && Files.isRegularFile(root.resolve(name))) {
      file = root.resolve(name);
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("No event file " + name);
    }
    return file;
  }
}
