package com.tickethub.seats;

import java.util.Map;

/** The answer to a block or unblock: the event's version after it and each asked seat's state ("B" or "F"). */
public record SeatChanges(long version, Map<String, String> seats) {}
