package com.tickethub.local.server;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test-only scheduled function that keeps the events it gets. */
public final class RecordingScheduleHandler implements RequestHandler<ScheduledEvent, Void> {
  static final List<ScheduledEvent> EVENTS = new CopyOnWriteArrayList<>();

  public RecordingScheduleHandler(Map<String, String> env) {}

  @Override
  public Void handleRequest(ScheduledEvent event, Context context) {
    EVENTS.add(event);
    return null;
  }
}
