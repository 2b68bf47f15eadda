package com.tickethub.tickets;

import com.tickethub.config.Config;
import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Where the ticket keys come from: the Secrets Manager secret {@code TICKET_KEYS_SECRET_ARN} (locally, the
 * local stack's Secrets Manager stand-in, filled from the data folder's key file). Read once per container.
 */
@Module
public final class TicketKeysModule {
  private TicketKeysModule() {}

  @Provides
  @Singleton
  static TicketKeyRing keyRing(Config config, Lazy<SecretsManagerClient> secrets) {
    String arn = config.require("TICKET_KEYS_SECRET_ARN");
    return TicketKeyRing.fromJson(secrets.get().getSecretValue(b -> b.secretId(arn)).secretString());
  }
}
