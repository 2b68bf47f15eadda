package com.tickethub.local.server;

import com.tickethub.local.stack.LocalAws;
import com.tickethub.local.stack.LocalStripe;
import com.tickethub.tickets.TicketKeyRing;
import java.nio.file.Path;
import java.util.Map;

/**
 * The values a deployment's operator puts into the stack's secrets once (README, Secrets), put into the
 * local stack's Secrets Manager stand-in at each start, so that the functions read them exactly as in AWS:
 * the Stripe secret (the local Stripe's API key and the webhook signing secret, {@code STRIPE_WEBHOOK_SECRET}
 * of the server's environment or {@code whsec_local_dev}) and the ticket key ring (the data folder's
 * {@code ticket-keys.json}, created on first use; a throwaway ring in memory).
 */
public final class LocalSecrets {
  public static final String STRIPE_WEBHOOK_SECRET = "STRIPE_WEBHOOK_SECRET";
  static final String STRIPE_SECRET = "StripeSecret";
  static final String TICKET_KEYS_SECRET = "TicketKeysSecret";

  private LocalSecrets() {}

  /**
   * @param dataFolder where the ticket key file lives; null for a throwaway ring
   * @param serverEnvironment the local server's own environment, which may set the webhook secret
   */
  public static void fill(LocalAws aws, Path dataFolder, Map<String, String> serverEnvironment) {
    if (aws.hasSecret(STRIPE_SECRET)) {
      aws.putSecret(STRIPE_SECRET, LocalStripe.secretString(webhookSecret(serverEnvironment)));
    }
    if (aws.hasSecret(TICKET_KEYS_SECRET)) {
      TicketKeyRing ring = dataFolder == null ? TicketKeyRing.generate()
          : TicketKeyFile.loadOrCreate(dataFolder.resolve("ticket-keys.json"));
      aws.putSecret(TICKET_KEYS_SECRET, ring.toJson());
    }
  }

  /** The secret the local Stripe signs its webhooks with. */
  public static String webhookSecret(Map<String, String> serverEnvironment) {
    return serverEnvironment.getOrDefault(STRIPE_WEBHOOK_SECRET, LocalStripe.DEFAULT_WEBHOOK_SECRET);
  }
}
