package com.tickethub.local.server;

import com.tickethub.local.stack.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The local server on a data folder, run in a JVM of its own by {@link QueuedMessagesSurviveAKillTest}, on a copy
 * of template.yaml whose payment-events consumer is disabled, so that what the webhook acknowledged is certainly
 * still queued when that JVM is killed. Prints {@code listening <base URI>} once it serves.
 */
final class PausedConsumerServer {
  private static final String CONSUMER = "            Queue: !GetAtt PaymentEventsQueue.Arn\n";

  private PausedConsumerServer() {}

  public static void main(String[] args) throws IOException {
    Path root = ProjectRoot.find();
    Path data = Path.of(args[0]);
    String template = Files.readString(root.resolve("template.yaml"));
    if (!template.contains(CONSUMER)) {
      throw new IllegalStateException("template.yaml has no PaymentEventsQueue consumer to pause");
    }
    Path paused = Files.writeString(data.resolveSibling("template-paused.yaml"),
        template.replace(CONSUMER, CONSUMER + "            Enabled: false\n"));
    LocalServer server = LocalServer.start(new Options(root, paused, 0, data, Map.of(), null, List.of()), Map.of());
    System.out.println("listening " + server.baseUri());
  }
}
