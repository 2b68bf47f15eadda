import { useRef, useState } from 'react';
import { navigate, useServices } from '../context';
import { ApiError, CheckoutAttempt } from '../api/client';
import type { Order, PurchaseRequest } from '../api/types';

/** The order of a purchase, kept for the checkout page (it carries the payment's client secret). */
export function rememberOrder(order: Order): void {
  sessionStorage.setItem(`tickethub.order.${order.orderId}`, JSON.stringify(order));
}

export function rememberedOrder(orderId: string): Order | null {
  const text = sessionStorage.getItem(`tickethub.order.${orderId}`);
  return text ? (JSON.parse(text) as Order) : null;
}

/**
 * Buying: each new selection is a new checkout attempt with its own Idempotency-Key; "Try again" after a
 * failure that decided nothing sends the same attempt (same key), so a purchase is never made twice.
 */
export function usePurchase() {
  const { api } = useServices();
  const attempt = useRef<CheckoutAttempt | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const buy = async (request: PurchaseRequest) => {
    attempt.current = attempt.current ? attempt.current.for(request) : new CheckoutAttempt(request);
    setBusy(true);
    setError(null);
    try {
      const order = await api.purchase(attempt.current);
      rememberOrder(order);
      attempt.current = null;
      navigate(`/checkout/${encodeURIComponent(order.orderId)}`);
    } catch (e) {
      setError(e);
      if (!(e instanceof ApiError && e.retryable)) {
        attempt.current = null;
      }
    } finally {
      setBusy(false);
    }
  };

  const retry = () => attempt.current && buy(attempt.current.request);
  const canRetry = error instanceof ApiError && error.retryable && attempt.current !== null;
  return { buy, retry, canRetry, error, busy };
}
