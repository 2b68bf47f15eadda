// The shapes of API.md, as the web app reads and sends them.

export interface AppConfig {
  /** Base URL of the HTTP API; empty for the page's own origin (the local server). */
  apiUrl: string;
  /** The live-availability WebSocket; relative ("/live") is resolved against the page; null: poll instead. */
  wsUrl: string | null;
  auth:
    | { mode: 'local' }
    | { mode: 'cognito'; domain: string; clientId: string; redirectUri: string; scopes?: string[] };
  payments: { mode: 'local' } | { mode: 'stripe'; publishableKey: string };
}

export interface TicketType {
  ticketTypeId: string;
  name: string;
  priceCents: number;
  currency: string;
  capacity: number;
  maxPerOrder: number;
  maxPerBuyer?: number | null;
  salesStart?: string | null;
  salesEnd?: string | null;
  shards?: number;
  seated?: boolean;
  available?: number;
}

export interface EventView {
  eventId: string;
  organizerId: string;
  name: string;
  venue: string;
  startsAt: string;
  currency?: string;
  staff?: string[];
  ticketTypes: TicketType[];
  seating?: Seating | null;
}

export interface EventList {
  events: EventView[];
  nextCursor: string | null;
}

export interface SeatRow {
  id: string;
  x: number;
  y: number;
  dx: number;
  dy: number;
  seats: number;
  category: string;
  skip?: number[];
  accessible?: number[];
  /** One character per existing seat, in number order: F free, H held, S sold, B blocked. */
  state?: string;
}

export interface SeatSection {
  id: string;
  name?: string;
  rows: SeatRow[];
}

export interface Seating {
  focus: { x: number; y: number };
  sections: SeatSection[];
}

export interface SeatMapResponse {
  version: number;
  focus?: { x: number; y: number };
  sections: SeatSection[];
}

export type SeatState = 'F' | 'H' | 'S' | 'B';

export interface NewTicketType {
  name: string;
  priceCents: number;
  currency: string;
  capacity?: number;
  maxPerOrder?: number;
  maxPerBuyer?: number;
  seated?: boolean;
}

export interface NewEvent {
  name: string;
  venue: string;
  startsAt: string;
  staff: string[];
  ticketTypes: NewTicketType[];
  seating?: Seating;
}

export type PurchaseItem =
  | { ticketTypeId: string; quantity: number }
  | { ticketTypeId: string; seats: string[] }
  | { ticketTypeId: string; quantity: number; together: boolean; accessible?: number };

export interface PurchaseRequest {
  eventId: string;
  items: PurchaseItem[];
}

export type OrderStatus = 'PENDING_PAYMENT' | 'PAID' | 'EXPIRED' | 'CANCELLED' | 'REFUNDED';
export type TicketStatus = 'ISSUED' | 'CHECKED_IN' | 'VOID';

export interface Seat {
  id: string;
  section: string;
  row: string;
  number: number;
}

export interface Ticket {
  ticketId: string;
  orderId?: string;
  eventId?: string;
  ticketTypeId?: string;
  holderId?: string;
  status: TicketStatus;
  code?: string;
  seat?: Seat | null;
}

export interface Order {
  orderId: string;
  eventId: string;
  buyerId?: string;
  status: OrderStatus;
  items: { ticketTypeId: string; quantity?: number; seats?: string[] }[];
  amountCents: number;
  currency: string;
  expiresAt?: string | null;
  createdAt?: string;
  payment?: { provider: string; paymentIntentId: string; clientSecret?: string } | null;
  lastPaymentError?: string | null;
  tickets?: Ticket[];
}

export interface OrderList {
  orders: Order[];
  nextCursor: string | null;
}

export interface EventStats {
  eventId: string;
  ticketTypes: {
    ticketTypeId: string;
    name: string;
    capacity: number;
    held: number;
    sold: number;
    available: number;
    checkedIn: number;
  }[];
}

export type ScanResult = 'VALID' | 'ALREADY_USED' | 'INVALID' | 'WRONG_EVENT' | 'VOID';

export interface ValidationAnswer {
  result: ScanResult;
  ticketId?: string;
  ticketTypeId?: string;
  checkedInAt?: string;
  gate?: string;
  seat?: Seat | null;
  detail?: string;
}

export interface Jwk {
  kty: string;
  crv?: string;
  kid?: string;
  x?: string;
}

export interface JwkSet {
  keys: Jwk[];
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code: string;
  detail?: string;
  field?: string;
  [extra: string]: unknown;
}

export type LiveMessage =
  | {
      type: 'snapshot';
      eventId: string;
      version: number;
      ticketTypes: { ticketTypeId: string; available: number }[];
      seats: SeatMapResponse | null;
    }
  | {
      type: 'changes';
      eventId: string;
      fromVersion: number;
      version: number;
      ticketTypes: { ticketTypeId: string; available: number }[];
      seats: Record<string, SeatState>;
    }
  | { type: 'error'; code: string; detail?: string };
