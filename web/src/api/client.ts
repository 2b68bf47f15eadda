// The one API client: routes, Idempotency-Keys, problem+json and the live feed. Pages call it and render
// what it returns; every rule (prices, availability, who may do what) is decided by the server.
import type {
  AppConfig,
  EventList,
  EventStats,
  EventView,
  JwkSet,
  NewEvent,
  Order,
  OrderList,
  Problem,
  PurchaseRequest,
  SeatMapResponse,
  Ticket,
  ValidationAnswer,
} from './types';

/** An answer that is not a success: the problem+json the server sent, or what we could make of it. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly field?: string;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || problem.code);
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail || problem.title || problem.code;
    this.field = typeof problem.field === 'string' ? problem.field : undefined;
    this.problem = problem;
  }

  /** Nothing was decided (no answer, an outage, or the first request still running): the same request may be sent again. */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500 || this.code === 'request_in_progress';
  }
}

/** The problem of a failed response: problem+json as is; API Gateway's own {"message"} bodies and others mapped. */
export async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (body && typeof body === 'object' && typeof (body as Problem).code === 'string') {
    return { ...(body as Problem), status: response.status };
  }
  const message = body && typeof body === 'object' ? (body as { message?: string }).message : undefined;
  const code =
    response.status === 401 ? 'unauthorized' : response.status === 404 ? 'not_found' : `http_${response.status}`;
  return { status: response.status, code, detail: message || text || response.statusText || code };
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/**
 * One checkout attempt: a purchase request and the Idempotency-Key made for it. A retry of the same attempt
 * (after a network failure or an outage) sends the same key, so the server answers with the first order
 * instead of holding twice; another selection is another attempt with a new key.
 */
export class CheckoutAttempt {
  readonly key: string;
  readonly request: PurchaseRequest;

  constructor(request: PurchaseRequest, key: string = newIdempotencyKey()) {
    this.request = request;
    this.key = key;
  }

  /** The attempt for {@code request}: this one again when the request is the same, else a new one. */
  for(request: PurchaseRequest): CheckoutAttempt {
    return JSON.stringify(request) === JSON.stringify(this.request) ? this : new CheckoutAttempt(request);
  }
}

type Query = Record<string, string | number | undefined | null>;

interface RequestOptions {
  body?: unknown;
  query?: Query;
  idempotencyKey?: string;
  auth?: boolean;
  headers?: Record<string, string>;
}

export class Api {
  readonly config: AppConfig;
  private readonly token: () => string | null;
  private readonly fetcher: typeof fetch;

  constructor(config: AppConfig, token: () => string | null, fetcher: typeof fetch = (...args) => fetch(...args)) {
    this.config = config;
    this.token = token;
    this.fetcher = fetcher;
  }

  url(path: string, query?: Query): string {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null && value !== '') {
        params.set(name, String(value));
      }
    }
    const search = params.toString();
    return `${this.config.apiUrl.replace(/\/$/, '')}${path}${search ? `?${search}` : ''}`;
  }

  /** Sends one request; resolves with the response of a 2xx, rejects with an ApiError otherwise. */
  async send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const token = options.auth === false ? null : this.token();
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    if (options.idempotencyKey) {
      headers['Idempotency-Key'] = options.idempotencyKey;
    }
    let response: Response;
    try {
      response = await this.fetcher(this.url(path, options.query), {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
    } catch (e) {
      throw new ApiError({ status: 0, code: 'network', detail: `The server could not be reached (${String(e)})` });
    }
    if (!response.ok && response.status !== 304) {
      throw new ApiError(await problemOf(response));
    }
    return response;
  }

  async json<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, options);
    return (await response.json()) as T;
  }

  // ------------------------------------------------------------------ events
  listEvents(params: { from?: string; limit?: number; cursor?: string | null } = {}): Promise<EventList> {
    return this.json('GET', '/events', { query: params, auth: false });
  }

  organizerEvents(params: { limit?: number; cursor?: string | null } = {}): Promise<EventList> {
    return this.json('GET', '/organizer/events', { query: params });
  }

  getEvent(eventId: string): Promise<EventView> {
    return this.json('GET', `/events/${encodeURIComponent(eventId)}`, { auth: false });
  }

  /** The seat map; null when the event has none (404). */
  async getSeats(eventId: string): Promise<SeatMapResponse | null> {
    try {
      return await this.json('GET', `/events/${encodeURIComponent(eventId)}/seats`, { auth: false });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        return null;
      }
      throw e;
    }
  }

  createEvent(event: NewEvent, idempotencyKey: string): Promise<EventView> {
    return this.json('POST', '/events', { body: event, idempotencyKey });
  }

  stats(eventId: string): Promise<EventStats> {
    return this.json('GET', `/events/${encodeURIComponent(eventId)}/stats`);
  }

  replaceStaff(eventId: string, staff: string[]): Promise<{ staff: string[] }> {
    return this.json('PUT', `/events/${encodeURIComponent(eventId)}/staff`, { body: { staff } });
  }

  // ------------------------------------------------------------------ orders
  purchase(attempt: CheckoutAttempt): Promise<Order> {
    return this.json('POST', '/tickets/purchase', { body: attempt.request, idempotencyKey: attempt.key });
  }

  getOrder(orderId: string): Promise<Order> {
    return this.json('GET', `/orders/${encodeURIComponent(orderId)}`);
  }

  cancelOrder(orderId: string): Promise<Order> {
    return this.json('POST', `/orders/${encodeURIComponent(orderId)}/cancel`);
  }

  refundOrder(orderId: string): Promise<Order> {
    return this.json('POST', `/orders/${encodeURIComponent(orderId)}/refund`);
  }

  myOrders(params: { limit?: number; cursor?: string | null } = {}): Promise<OrderList> {
    return this.json('GET', '/orders', { query: params });
  }

  eventOrders(eventId: string, params: { limit?: number; cursor?: string | null } = {}): Promise<OrderList> {
    return this.json('GET', `/events/${encodeURIComponent(eventId)}/orders`, { query: params });
  }

  // ------------------------------------------------------------------ tickets and the gate
  getTicket(ticketId: string): Promise<Ticket> {
    return this.json('GET', `/tickets/${encodeURIComponent(ticketId)}`);
  }

  /** The ticket's QR code as an object URL of the PNG the server renders (revoke it when done). */
  async ticketQr(ticketId: string): Promise<string> {
    const response = await this.send('GET', `/tickets/${encodeURIComponent(ticketId)}/qr`, {
      headers: { Accept: 'image/png' },
    });
    return URL.createObjectURL(await response.blob());
  }

  ticketKeys(): Promise<JwkSet> {
    return this.json('GET', '/.well-known/ticket-keys', { auth: false });
  }

  /** Checks a ticket in: VALID as the answer, the other results as the answer too (they come as problems). */
  async validate(code: string, eventId: string, gate: string): Promise<ValidationAnswer> {
    try {
      return await this.json('POST', '/tickets/validate', { body: { code, eventId, gate } });
    } catch (e) {
      if (e instanceof ApiError && typeof e.problem.result === 'string') {
        return { ...(e.problem as unknown as ValidationAnswer), detail: e.detail };
      }
      throw e;
    }
  }

  // ------------------------------------------------------------------ the local server only
  localToken(sub: string, groups: string[]): Promise<{ token: string }> {
    return this.json('POST', '/_local/token', { body: { sub, groups }, auth: false });
  }

  localPay(orderId: string, outcome: 'succeeded' | 'failed' = 'succeeded'): Promise<unknown> {
    return this.json('POST', '/_local/stripe/pay', { body: { orderId, outcome }, auth: false });
  }
}
