package com.tickethub.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.collection.immutable.List$;

/**
 * ElasticMQ, an SQS implementation, embedded in this JVM on a free loopback port. In memory without a
 * data folder; with one, every queue and message is kept in an H2 database there (ElasticMQ's own
 * "messages-storage"), written before SendMessage is answered, so a message SQS acknowledged survives
 * a kill of this JVM as it would survive in SQS.
 */
final class ElasticMq implements AutoCloseable {
  private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(30);
  /** ElasticMQ's SQL storage uses one JDBC pool per JVM (scalikejdbc's singleton): one durable queue store at a time. */
  private static ElasticMq durableRunning;

  private final SQSRestServer server;
  private final ActorSystem actors;
  private final URI endpoint;

  private ElasticMq(SQSRestServer server, ActorSystem actors, URI endpoint) {
    this.server = server;
    this.actors = actors;
    this.endpoint = endpoint;
  }

  /** In memory when {@code dataDir} is null, else durable in {@code dataDir/queues.mv.db}. */
  static ElasticMq start(Path dataDir) {
    if (dataDir == null) {
      SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
      return new ElasticMq(server, null, endpoint(server));
    }
    return startDurable(dataDir);
  }

  private static synchronized ElasticMq startDurable(Path dataDir) {
    if (durableRunning != null) {
      throw new IllegalStateException("A durable ElasticMQ already runs in this JVM; stop it first");
    }
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // WRITE_DELAY=0: H2 forces each commit to disk before it answers, so nothing acknowledged is lost on a kill.
    String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("queues") + ";WRITE_DELAY=0";
    SqlQueuePersistenceConfig config = new SqlQueuePersistenceConfig(true, "org.h2.Driver", url, "", "", false);
    // ElasticMQ initialises its pool once per JVM; re-pointing it lets a later start use another folder.
    scalikejdbc.ConnectionPool$.MODULE$.singleton(url, "", "",
        scalikejdbc.ConnectionPool$.MODULE$.singleton$default$4(),
        scalikejdbc.ConnectionPool$.MODULE$.singleton$default$5(url, "", "", scalikejdbc.ConnectionPool$.MODULE$.singleton$default$4()));
    ActorSystem actors = ActorSystem.create("elasticmq");
    try {
      ActorRef storage = actors.actorOf(Props.create(SqlQueuePersistenceActor.class, config, List$.MODULE$.empty()));
      ActorRef queues = actors.actorOf(Props.create(QueueManagerActor.class, new NowProvider(),
          StrictSQSLimits$.MODULE$, Option.apply(storage)));
      Patterns.ask(storage, new QueueEvent.Restore(queues), RESTORE_TIMEOUT).toCompletableFuture()
          .get(RESTORE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      SQSRestServer server = SQSRestServerBuilder.withActorSystem(actors).withQueueManagerActor(queues)
          .withQueueEventListener(storage).withInterface("127.0.0.1").withDynamicPort().start();
      ElasticMq started = new ElasticMq(server, actors, endpoint(server));
      durableRunning = started;
      return started;
    } catch (Exception e) {
      actors.terminate();
      throw new IllegalStateException("ElasticMQ could not open its queues in " + dataDir + ": " + e, e);
    }
  }

  private static URI endpoint(SQSRestServer server) {
    return URI.create("http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort());
  }

  URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    server.stopAndWait();
    if (actors != null) {
      try {
        actors.terminate();
        actors.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // stopping anyway
      } finally {
        synchronized (ElasticMq.class) {
          scalikejdbc.ConnectionPool$.MODULE$.closeAll();
          durableRunning = null;
        }
      }
    }
  }
}
