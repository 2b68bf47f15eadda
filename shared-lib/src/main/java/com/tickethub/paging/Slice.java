package com.tickethub.paging;

import java.util.List;
import java.util.Optional;

/**
 * What a repository's list query found: up to a page of items and, when more follow, the sort-key position
 * of the last one (raw: the service seals it into a cursor before it leaves the server).
 */
public record Slice<T>(List<T> items, Optional<String> lastPosition) {}
