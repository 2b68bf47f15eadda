package com.tickethub.tickets;

import com.tickethub.aws.Priming;
import com.tickethub.config.Config;
import com.tickethub.verifier.TicketCode;
import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import java.util.UUID;
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
    TicketKeyRing ring = TicketKeyRing.fromJson(secrets.get().getSecretValue(b -> b.secretId(arn)).secretString());
    if (Priming.inLambda(config)) {
      // The first Ed25519 signature and check set up the curve arithmetic: tens of ms, before the snapshot
      // rather than in a buyer's or a scanner's first request.
      Priming.register("ticket codes", () -> {
        TicketCode code = new TicketCode(ring.activeKeyId(), new UUID(0, 1), 1, new UUID(0, 2));
        ring.verifier().verify(code.withSignature(ring.sign(code.signedText())));
      });
    }
    return ring;
  }
}
