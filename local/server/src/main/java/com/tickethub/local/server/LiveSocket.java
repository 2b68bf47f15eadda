package com.tickethub.local.server;

import org.eclipse.jetty.websocket.api.Session;

/** One WebSocket connection of {@link LiveGateway}, its events handed on under the connection's id (public: Jetty calls it by method handles). */
public final class LiveSocket implements Session.Listener.AutoDemanding {
  private final LiveGateway gateway;
  private final LiveGateway.Pending pending;

  LiveSocket(LiveGateway gateway, LiveGateway.Pending pending) {
    this.gateway = gateway;
    this.pending = pending;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    gateway.opened(pending, session);
  }

  @Override
  public void onWebSocketText(String message) {
    gateway.message(pending.id(), message);
  }

  @Override
  public void onWebSocketClose(int status, String reason) {
    gateway.closed(pending.id(), status, reason);
  }
}
