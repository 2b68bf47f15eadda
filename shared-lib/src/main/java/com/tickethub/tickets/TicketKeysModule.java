package com.tickethub.tickets;

import com.tickethub.config.Config;
import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import java.nio.file.Path;
import javax.inject.Singleton;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Where the ticket keys come from: the Secrets Manager secret named by {@code TICKET_KEYS_SECRET_ARN}
 * in AWS, else the key file {@code TICKET_KEYS_FILE} (created on first use). Read once per container.
 */
@Module
public final class TicketKeysModule {
  private TicketKeysModule() {}

  @Provides
  @Singleton
  static TicketKeyRing keyRing(Config config, Lazy<SecretsManagerClient> secrets) {
    return config.optional("TICKET_KEYS_SECRET_ARN")
        .map(arn -> TicketKeyRing.fromJson(secrets.get().getSecretValue(b -> b.secretId(arn)).secretString()))
        .orElseGet(() -> TicketKeyFile.loadOrCreate(Path.of(config.require("TICKET_KEYS_FILE"))));
  }
}
