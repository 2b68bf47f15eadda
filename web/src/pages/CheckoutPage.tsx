import { lazy, Suspense, useEffect, useState } from 'react';
import { useServices } from '../context';
import type { EventView, Order } from '../api/types';
import { ProblemMessage } from '../components/ProblemMessage';
import { TicketCard } from '../components/TicketCard';
import { countdown, money, STATUS_LABELS } from '../format';
import { rememberedOrder } from './usePurchase';

const StripePayment = lazy(() => import('./StripePayment'));

export function CheckoutPage({ orderId }: { orderId: string }) {
  const { api, config } = useServices();
  const [order, setOrder] = useState<Order | null>(null);
  const [event, setEvent] = useState<EventView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [now, setNow] = useState(Date.now());
  const [paying, setPaying] = useState(false);
  const clientSecret = rememberedOrder(orderId)?.payment?.clientSecret;

  useEffect(() => {
    let live = true;
    const load = async () => {
      try {
        const o = await api.getOrder(orderId);
        if (!live) return;
        setOrder(o);
        const e = await api.getEvent(o.eventId);
        if (live) setEvent(e);
      } catch (e) {
        if (live) setError(e);
      }
    };
    void load();
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, orderId]);

  // While a payment is on its way (Stripe's webhook, then the queue), the order is read again until it settles.
  useEffect(() => {
    if (!order || (order.status === 'PENDING_PAYMENT' && !paying) || (order.status === 'PAID' && order.tickets?.length)) {
      return;
    }
    if (order.status !== 'PENDING_PAYMENT' && order.status !== 'PAID') {
      return;
    }
    const poll = setTimeout(() => api.getOrder(orderId).then(setOrder, setError), 700);
    return () => clearTimeout(poll);
  }, [api, order, orderId, paying]);

  useEffect(() => {
    if (order && order.status !== 'PENDING_PAYMENT') {
      setPaying(false);
    }
  }, [order]);

  if (!order) {
    return (
      <>
        <h1>Checkout</h1>
        {error ? <ProblemMessage error={error} /> : <p>Loading your order…</p>}
      </>
    );
  }

  const typeName = (id: string) => event?.ticketTypes.find((t) => t.ticketTypeId === id)?.name ?? 'Ticket';
  const pending = order.status === 'PENDING_PAYMENT';
  const expired = pending && order.expiresAt && new Date(order.expiresAt).getTime() <= now;

  const payLocally = async () => {
    setPaying(true);
    setError(null);
    try {
      await api.localPay(order.orderId);
    } catch (e) {
      setPaying(false);
      setError(e);
    }
  };

  const cancel = async () => {
    try {
      setOrder(await api.cancelOrder(order.orderId));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <h1>{order.status === 'PAID' ? 'Your tickets' : 'Checkout'}</h1>
      <section aria-labelledby="summary-title" className="card">
        <h2 id="summary-title">Order summary{event ? ` · ${event.name}` : ''}</h2>
        <ul>
          {order.items.map((item) => (
            <li key={item.ticketTypeId}>
              {typeName(item.ticketTypeId)}: {item.seats ? item.seats.join(', ') : `${item.quantity} ×`}
            </li>
          ))}
        </ul>
        <p>
          Total <strong>{money(order.amountCents, order.currency)}</strong> · Status{' '}
          <span className="badge" data-testid="order-status">{STATUS_LABELS[order.status] ?? order.status}</span>
        </p>
        {pending && order.expiresAt && !expired && (
          <p>
            Your tickets are held for you for{' '}
            <strong role="timer" aria-live="off" aria-label="Time left to pay">{countdown(order.expiresAt, now)}</strong> more
            minutes.
          </p>
        )}
        {expired && <p className="alert" role="alert">The hold has ended: these tickets went back on sale.</p>}
        {order.lastPaymentError && pending && <p className="alert" role="alert">The last payment failed: {order.lastPaymentError}. You can try again.</p>}
      </section>
      <ProblemMessage error={error} />
      {pending && !expired && (
        <section aria-labelledby="pay-title">
          <h2 id="pay-title">Payment</h2>
          {config.payments.mode === 'local' ? (
            <>
              <p className="notice">Local server: no card is charged. The button makes the local Stripe stand-in send the signed payment webhook.</p>
              <p className="row">
                <button type="button" className="primary" disabled={paying} onClick={() => void payLocally()}>
                  Pay (test)
                </button>
                <button type="button" onClick={() => void cancel()} disabled={paying}>Cancel order</button>
              </p>
            </>
          ) : clientSecret ? (
            <Suspense fallback={<p>Loading the payment form…</p>}>
              <StripePayment publishableKey={config.payments.publishableKey} clientSecret={clientSecret} onSubmitted={() => setPaying(true)} />
            </Suspense>
          ) : (
            <p>The payment form is only available in the tab where the order was placed.</p>
          )}
          {paying && <p aria-live="polite">Payment sent; waiting for the confirmation…</p>}
        </section>
      )}
      {order.status === 'PAID' && (
        <section aria-labelledby="tickets-title">
          <h2 id="tickets-title">Tickets</h2>
          {!order.tickets?.length ? (
            <p aria-live="polite">Issuing your tickets…</p>
          ) : (
            <ul className="cards" aria-label="Tickets">
              {order.tickets.map((t) => <TicketCard key={t.ticketId} ticket={t} typeName={t.ticketTypeId ? typeName(t.ticketTypeId) : undefined} />)}
            </ul>
          )}
          <p><a href="#/tickets">All my tickets</a></p>
        </section>
      )}
    </>
  );
}
