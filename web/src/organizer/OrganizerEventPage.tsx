import { useEffect, useState } from 'react';
import { useServices } from '../context';
import type { EventStats, EventView, Order } from '../api/types';
import { ProblemMessage } from '../components/ProblemMessage';
import { money, STATUS_LABELS, when } from '../format';
import { SalesChart } from './SalesChart';

export default function OrganizerEventPage({ eventId }: { eventId: string }) {
  const { api, live } = useServices();
  const [event, setEvent] = useState<EventView | null>(null);
  const [stats, setStats] = useState<EventStats | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.getEvent(eventId).then(setEvent, setError);
    const refresh = () => api.stats(eventId).then(setStats, setError);
    void refresh();
    // Sales move with the live feed; check-ins do not, so the counts are also read every few seconds.
    const stop = live.watch(eventId, () => void refresh());
    const timer = setInterval(refresh, 5000);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, [api, live, eventId]);

  return (
    <>
      <h1>{event?.name ?? 'Event'}</h1>
      {event && <p>{when(event.startsAt)} · {event.venue} · <a href={`#/events/${encodeURIComponent(eventId)}`}>public page</a> · event id <code>{eventId}</code></p>}
      <ProblemMessage error={error} />
      <section aria-labelledby="sales-title">
        <h2 id="sales-title">Live sales and check-ins</h2>
        {stats ? <SalesChart stats={stats} /> : <p>Loading the counts…</p>}
      </section>
      <StaffEditor eventId={eventId} />
      <EventOrders eventId={eventId} currencyHint={event?.ticketTypes[0]?.currency} />
    </>
  );
}

function StaffEditor({ eventId }: { eventId: string }) {
  const { api } = useServices();
  const [text, setText] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    // The organizer's own list carries each event's staff.
    (async () => {
      let cursor: string | null = null;
      do {
        const page = await api.organizerEvents({ limit: 100, cursor });
        const mine = page.events.find((e) => e.eventId === eventId);
        if (mine) {
          setText((mine.staff ?? []).join('\n'));
          return;
        }
        cursor = page.nextCursor;
      } while (cursor);
    })().catch(setError);
  }, [api, eventId]);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const result = await api.replaceStaff(eventId, text.split(/[\s,]+/).filter(Boolean));
      setText(result.staff.join('\n'));
      setSaved(`Saved: ${result.staff.length} gate staff.`);
    } catch (err) {
      setSaved(null);
      setError(err);
    }
  };

  return (
    <section aria-labelledby="staff-title">
      <h2 id="staff-title">Gate staff</h2>
      <form onSubmit={save} noValidate aria-label="Gate staff">
        <div className="field">
          <label htmlFor="staff-list">User ids allowed to scan at this event's gates, one per line</label>
          <textarea id="staff-list" rows={4} cols={40} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <button type="submit">Save gate staff</button>
        {saved && <p role="status">{saved}</p>}
        <ProblemMessage error={error} />
      </form>
    </section>
  );
}

function EventOrders({ eventId, currencyHint }: { eventId: string; currencyHint?: string }) {
  const { api } = useServices();
  const [orders, setOrders] = useState<Order[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = async (after: string | null) => {
    try {
      const page = await api.eventOrders(eventId, { limit: 50, cursor: after });
      setOrders((list) => (after ? [...list, ...page.orders] : page.orders));
      setCursor(page.nextCursor);
      setError(null);
    } catch (e) {
      setError(e);
    }
  };

  useEffect(() => {
    void load(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [eventId]);

  const refund = async (order: Order) => {
    if (!window.confirm(`Refund ${money(order.amountCents, order.currency)} and void its tickets?`)) {
      return;
    }
    try {
      const updated = await api.refundOrder(order.orderId);
      setOrders((list) => list.map((o) => (o.orderId === order.orderId ? { ...o, ...updated } : o)));
      setMessage(`Order ${order.orderId} refunded.`);
      setError(null);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="orders-title">
      <h2 id="orders-title">Orders</h2>
      {message && <p role="status">{message}</p>}
      <ProblemMessage error={error} />
      {orders.length === 0 && !error && <p>No orders yet.</p>}
      {orders.length > 0 && (
        <table>
          <thead>
            <tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Tickets</th><th scope="col">Amount</th><th scope="col">Status</th><th scope="col">Action</th></tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.orderId}>
                <th scope="row"><code>{o.orderId.slice(0, 8)}</code></th>
                <td>{o.createdAt ? when(o.createdAt) : '—'}</td>
                <td>{o.items.reduce((n, item) => n + (item.quantity ?? item.seats?.length ?? 0), 0)}</td>
                <td>{money(o.amountCents, o.currency ?? currencyHint ?? 'EUR')}</td>
                <td><span className="badge">{STATUS_LABELS[o.status] ?? o.status}</span></td>
                <td>
                  {o.status === 'PAID' && (
                    <button type="button" onClick={() => void refund(o)}>Refund order {o.orderId.slice(0, 8)}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && <button type="button" onClick={() => void load(cursor)}>More orders</button>}
    </section>
  );
}
