package com.tickethub.live;

import com.tickethub.errors.InvalidRequest;
import com.tickethub.http.Json;
import java.time.Clock;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The viewer's side of live availability (the WebSocket API's routes): subscribing answers with a snapshot
 * and adds the connection to the event's audience; a bad message is answered with an error and the
 * connection stays open; a disconnect forgets the connection. No sign-in is needed to watch.
 */
@Singleton
public class LiveService {
  /** Ids are made by the server; a value no id can have names no event. */
  private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final StockRepository stock;
  private final SubscriptionRepository subscriptions;
  private final Connections connections;
  private final SeatStock seats;
  private final Clock clock;

  @Inject
  public LiveService(StockRepository stock, SubscriptionRepository subscriptions, Connections connections,
      SeatStock seats, Clock clock) {
    this.stock = stock;
    this.subscriptions = subscriptions;
    this.connections = connections;
    this.seats = seats;
    this.clock = clock;
  }

  /**
   * Handles one message of a connection. The snapshot is sent before the subscription is written, so no
   * {@code changes} message can overtake it; a change landing between the two reaches the connection as a
   * gap (a later message's {@code fromVersion} above the snapshot's version), and the client subscribes again.
   */
  public void receive(String connectionId, String body) {
    SubscribeRequest request;
    try {
      request = SubscribeRequest.parse(body);
    } catch (InvalidRequest e) {
      connections.post(connectionId, Json.write(LiveMessages.error("invalid_request", e.getMessage())));
      return;
    }
    Stock now = EVENT_ID.matcher(request.eventId()).matches() ? stock.read(request.eventId()) : null;
    if (now == null || !now.exists()) {
      connections.post(connectionId, Json.write(LiveMessages.error("not_found", "No event " + request.eventId())));
      return;
    }
    if (connections.post(connectionId, Json.write(LiveMessages.snapshot(now, seats)))) {
      subscriptions.subscribe(connectionId, request.eventId(), now.version(), clock.instant());
    }
  }

  public void disconnect(String connectionId) {
    subscriptions.forget(connectionId);
  }
}
