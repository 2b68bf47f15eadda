package com.tickethub.functions.livebroadcaster;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.tickethub.aws.Priming;
import com.tickethub.config.Config;
import com.tickethub.live.BroadcastService;
import com.tickethub.live.StockRepository;
import com.tickethub.live.StreamRecords;
import java.util.Map;

/**
 * The main table's stream, batched by Lambda (about a second): the stock changes in it become one
 * {@code changes} message per event and watching connection. A failed event is reported by the sequence
 * number of its first record (partial batch response), and Lambda retries from there. Its priming dry run is a
 * stock change of an event that does not exist: decoded, then its audience read (empty), so nothing is sent or written.
 */
public final class LiveBroadcasterHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private final BroadcastService broadcasts;
  private final StockRepository stock;

  public LiveBroadcasterHandler() {
    this(System.getenv());
    Priming.handler(this);
  }

  public LiveBroadcasterHandler(Map<String, String> env) {
    this(DaggerLiveBroadcasterComponent.factory().create(new Config(env)));
  }

  LiveBroadcasterHandler(LiveBroadcasterComponent component) {
    this.broadcasts = component.broadcasts();
    this.stock = component.stock();
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    BroadcastService.Outcome outcome = broadcasts.broadcast(StreamRecords.decode(event, stock::isStockKey));
    return new StreamsEventResponse(outcome.failedSequences().stream()
        .map(StreamsEventResponse.BatchItemFailure::new).toList());
  }
}
