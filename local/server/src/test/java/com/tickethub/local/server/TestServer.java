package com.tickethub.local.server;

import com.tickethub.local.stack.ProjectRoot;
import java.util.Map;

/** The local server on the project's template.yaml, in memory on a free port, started once per test JVM. */
final class TestServer {
  private static LocalServer server;

  private TestServer() {}

  static synchronized LocalServer get() {
    if (server == null) {
      server = LocalServer.start(Options.inMemory(ProjectRoot.find()), Map.of());
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-server-stop"));
    }
    return server;
  }

  static TestHttp http() {
    return new TestHttp(get().baseUri());
  }
}
