package com.tickethub.tickets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Makes and rotates key rings for the secret or the key file, on standard input and output:
 * {@code new} prints a ring of one fresh key; {@code rotate} reads a ring and prints it with a fresh
 * active key, the old keys kept as verify-only.
 */
public final class TicketKeyTool {
  private TicketKeyTool() {}

  public static void main(String[] args) throws IOException {
    String command = args.length == 1 ? args[0] : "";
    switch (command) {
      case "new" -> System.out.println(TicketKeyRing.generate().toJson());
      case "rotate" -> System.out.println(
          TicketKeyRing.fromJson(new String(System.in.readAllBytes(), StandardCharsets.UTF_8)).rotate().toJson());
      default -> {
        System.err.println("usage: TicketKeyTool new | rotate < ring.json");
        System.exit(2);
      }
    }
  }
}
