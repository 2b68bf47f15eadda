package com.tickethub.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An event in API responses. {@code staff} (the scanners' user ids) is shown to the organizer only,
 * and left out of the public view.
 */
public record EventView(
    String eventId,
    String organizerId,
    String name,
    String venue,
    Instant startsAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> staff,
    List<TicketTypeView> ticketTypes) {}
