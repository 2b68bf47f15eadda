// Live availability: the WebSocket of API.md ("Live availability"), with the version rules, and polling of
// GET /events/{id} (and its seats) where no WebSocket is configured or it cannot be reached.
import type { Api } from './client';
import type { LiveMessage, SeatMapResponse, SeatState } from './types';

export type LiveUpdate =
  | { kind: 'snapshot'; version: number; available: Record<string, number>; seats: SeatMapResponse | null }
  | { kind: 'changes'; version: number; available: Record<string, number>; seats: Record<string, SeatState> };

export type LiveListener = (update: LiveUpdate) => void;

/**
 * What a client does with a message, given the version it has (null before its first snapshot): versions only
 * grow; a message not above ours is old; a change that starts past ours means we missed some, so we ask again.
 */
export function decide(own: number | null, message: LiveMessage): 'apply' | 'ignore' | 'resubscribe' {
  if (message.type === 'error') {
    return 'ignore';
  }
  if (message.type === 'snapshot') {
    return own === null || message.version > own ? 'apply' : 'ignore';
  }
  if (own === null) {
    return 'ignore'; // the snapshot we asked for comes first
  }
  if (message.version <= own) {
    return 'ignore';
  }
  return own < message.fromVersion ? 'resubscribe' : 'apply';
}

function availability(types: { ticketTypeId: string; available: number }[]): Record<string, number> {
  return Object.fromEntries(types.map((t) => [t.ticketTypeId, t.available]));
}

interface Subscription {
  version: number | null;
  listeners: Set<LiveListener>;
  withSeats: boolean;
  poll?: ReturnType<typeof setInterval>;
}

/** One connection shared by the page's viewers, subscribed to each event someone watches. */
export class LiveFeed {
  private readonly api: Api;
  private readonly wsUrl: string | null;
  private socket: WebSocket | null = null;
  private readonly subscriptions = new Map<string, Subscription>();
  private retryDelay = 500;
  private usePolling: boolean;
  private failures = 0;
  static readonly POLL_MILLIS = 1500;

  constructor(api: Api, wsUrl: string | null) {
    this.api = api;
    this.wsUrl = wsUrl;
    this.usePolling = !wsUrl;
  }

  /** Watches an event; returns the function that stops watching. */
  watch(eventId: string, listener: LiveListener, withSeats = false): () => void {
    let subscription = this.subscriptions.get(eventId);
    if (!subscription) {
      subscription = { version: null, listeners: new Set(), withSeats };
      this.subscriptions.set(eventId, subscription);
      this.start(eventId, subscription);
    }
    subscription.withSeats ||= withSeats;
    subscription.listeners.add(listener);
    return () => {
      subscription!.listeners.delete(listener);
      if (subscription!.listeners.size === 0) {
        clearInterval(subscription!.poll);
        this.subscriptions.delete(eventId);
      }
    };
  }

  private start(eventId: string, subscription: Subscription): void {
    if (this.usePolling) {
      this.startPolling(eventId, subscription);
    } else if (this.socket?.readyState === WebSocket.OPEN) {
      this.subscribe(eventId);
    } else {
      this.connect();
    }
  }

  private connect(): void {
    if (this.socket && this.socket.readyState <= WebSocket.OPEN) {
      return;
    }
    const url = new URL(this.wsUrl!, window.location.href);
    url.protocol = url.protocol.replace(/^http/, 'ws');
    const socket = new WebSocket(url.toString());
    this.socket = socket;
    socket.onopen = () => {
      this.retryDelay = 500;
      this.failures = 0;
      for (const eventId of this.subscriptions.keys()) {
        this.subscribe(eventId);
      }
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = () => {
      this.socket = null;
      this.failures += 1;
      if (this.failures >= 3) {
        // No live connection to be had: poll through the cacheable GETs instead.
        this.usePolling = true;
        this.subscriptions.forEach((s, id) => this.startPolling(id, s));
        return;
      }
      if (this.subscriptions.size > 0) {
        setTimeout(() => this.connect(), this.retryDelay);
        this.retryDelay = Math.min(this.retryDelay * 2, 10_000);
      }
    };
  }

  private subscribe(eventId: string): void {
    this.socket?.send(JSON.stringify({ action: 'subscribe', eventId }));
  }

  private receive(data: unknown): void {
    let message: LiveMessage;
    try {
      message = JSON.parse(String(data));
    } catch {
      return;
    }
    if (message.type === 'error') {
      return;
    }
    const subscription = this.subscriptions.get(message.eventId);
    if (!subscription) {
      return;
    }
    const decision = decide(subscription.version, message);
    if (decision === 'resubscribe') {
      this.subscribe(message.eventId);
      return;
    }
    if (decision === 'ignore') {
      return;
    }
    subscription.version = message.version;
    const update: LiveUpdate =
      message.type === 'snapshot'
        ? { kind: 'snapshot', version: message.version, available: availability(message.ticketTypes), seats: message.seats }
        : { kind: 'changes', version: message.version, available: availability(message.ticketTypes), seats: message.seats ?? {} };
    subscription.listeners.forEach((listener) => listener(update));
  }

  private startPolling(eventId: string, subscription: Subscription): void {
    if (subscription.poll) {
      return;
    }
    const tick = async () => {
      try {
        // The browser's cache revalidates the map with its ETag (a 304 on the wire, no custom header, so no CORS
        // preflight); its version is the event's, so while it stays the same nothing of the event changed.
        const seats = subscription.withSeats ? await this.api.getSeats(eventId) : null;
        if (seats && subscription.version !== null && seats.version <= subscription.version) {
          return;
        }
        const event = await this.api.getEvent(eventId);
        const version = seats?.version ?? (subscription.version ?? 0) + 1;
        subscription.version = version;
        const update: LiveUpdate = {
          kind: 'snapshot',
          version,
          available: Object.fromEntries(event.ticketTypes.map((t) => [t.ticketTypeId, t.available ?? 0])),
          seats,
        };
        subscription.listeners.forEach((listener) => listener(update));
      } catch {
        // the next tick tries again
      }
    };
    subscription.poll = setInterval(tick, LiveFeed.POLL_MILLIS);
  }
}
