package com.tickethub.events;

import java.util.List;

/** The body of {@code GET /events} and {@code GET /organizer/events}. */
public record EventList(List<EventSummary> events, String nextCursor) {}
