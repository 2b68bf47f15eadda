package com.tickethub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local server ({@code local/server/target/tickethub-local.jar --in-memory}) of a build tree, in its own JVM on
 * a free port, optionally recording a JFR profile; {@link #close} stops it (and so its dynalite).
 */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  final Api api;
  final URI dynamoEndpoint;
  final Path log;

  private ServerProcess(Process process, Api api, URI dynamoEndpoint, Path log) {
    this.process = process;
    this.api = api;
    this.dynamoEndpoint = dynamoEndpoint;
    this.log = log;
  }

  /**
   * @param tree the build tree whose server jar runs (this project, or a checkout of an earlier commit)
   * @param jfr where to write a JFR profile of the server, or null
   * @param parameters template parameter overrides ({@code K=V,...}), or null
   */
  static ServerProcess start(Path tree, Path jfr, String parameters, Path log) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    if (jfr != null) {
      command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
    }
    command.addAll(List.of("-jar", tree.resolve("local/server/target/tickethub-local.jar").toString(),
        "--in-memory", "--port", String.valueOf(port)));
    if (parameters != null) {
      command.addAll(List.of("--parameter-overrides", parameters));
    }
    Files.createDirectories(log.getParent());
    Process process = new ProcessBuilder(command).directory(tree.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    Api api = new Api(URI.create("http://localhost:" + port));
    try {
      JsonNode health = awaitHealthy(api, process, log);
      String endpoint = health.path("dynamodbEndpoint").asText(null);
      return new ServerProcess(process, api, endpoint == null ? null : URI.create(endpoint), log);
    } catch (Exception e) {
      process.destroy();
      throw e;
    }
  }

  private static JsonNode awaitHealthy(Api api, Process server, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
    while (System.nanoTime() < deadline && server.isAlive()) {
      try {
        HttpResponse<String> response = api.exchange(api.get("/_local/health", null));
        if (response.statusCode() == 200) {
          return Api.JSON.readTree(response.body());
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("local server not healthy (see " + log + ")");
  }

  /** CPU time so far, in ms: of the server's JVM, and of its child processes (dynalite). */
  record Cpu(long serverMs, long childrenMs) {}

  Cpu cpu() {
    return new Cpu(cpuMillis(process.toHandle()), process.descendants().mapToLong(ServerProcess::cpuMillis).sum());
  }

  static long cpuMillis(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
