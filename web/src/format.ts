// Display formats only: the server's numbers and instants, written for people.

export function money(cents: number, currency: string): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(cents / 100);
}

export function when(instant: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(instant)) + ' UTC';
}

/** "m:ss" of the time left until {@code instant} (0:00 once past). */
export function countdown(instant: string, now: number): string {
  const left = Math.max(0, Math.floor((new Date(instant).getTime() - now) / 1000));
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
}

/** A price typed by a person ("25", "25.5", "25,50") in minor units; null when it is not one. */
export function parsePrice(text: string): number | null {
  const normalized = text.trim().replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(normalized)) {
    return null;
  }
  return Math.round(Number(normalized) * 100);
}

/** A local date and time from a datetime-local input as an ISO instant in UTC. */
export function localToInstant(value: string): string | null {
  if (!value) {
    return null;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().replace(/\.000Z$/, 'Z');
}

export const STATUS_LABELS: Record<string, string> = {
  PENDING_PAYMENT: 'Awaiting payment',
  PAID: 'Paid',
  EXPIRED: 'Expired',
  CANCELLED: 'Cancelled',
  REFUNDED: 'Refunded',
  ISSUED: 'Valid',
  CHECKED_IN: 'Checked in',
  VOID: 'Void',
};
