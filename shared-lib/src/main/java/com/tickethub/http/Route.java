package com.tickethub.http;

/** A handler's one piece of work: from a parsed request to a response, or a DomainException. */
@FunctionalInterface
public interface Route {
  ApiResponse handle(ApiRequest request);
}
