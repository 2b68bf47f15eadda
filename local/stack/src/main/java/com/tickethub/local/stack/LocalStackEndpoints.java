package com.tickethub.local.stack;

import java.net.URI;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack through Testcontainers, for TICKETHUB_TEST_BACKEND=localstack on a machine with a Docker
 * engine: the same tests then run against an implementation that also has transactions and TTL.
 */
final class LocalStackEndpoints implements LocalAws.Endpoints {
  private final LocalStackContainer container;

  private LocalStackEndpoints(LocalStackContainer container) {
    this.container = container;
  }

  static LocalStackEndpoints start() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new IllegalStateException("TICKETHUB_TEST_BACKEND=localstack needs a Docker engine, and none is reachable");
    }
    LocalStackContainer container = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
        .withServices("dynamodb", "sqs");
    container.start();
    return new LocalStackEndpoints(container);
  }

  @Override
  public URI dynamo() {
    return container.getEndpoint();
  }

  @Override
  public URI sqs() {
    return container.getEndpoint();
  }

  @Override
  public void close() {
    container.stop();
  }
}
