import { useEffect, useState } from 'react';
import { useServices, useSession } from '../context';
import type { Order } from '../api/types';
import { ProblemMessage } from '../components/ProblemMessage';
import { TicketCard } from '../components/TicketCard';
import { money, STATUS_LABELS, when } from '../format';

export function MyTicketsPage() {
  const { api } = useServices();
  const session = useSession();
  const [orders, setOrders] = useState<Order[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = async (after: string | null) => {
    try {
      const page = await api.myOrders({ limit: 20, cursor: after });
      setOrders((list) => (after ? [...list, ...page.orders] : page.orders));
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e);
    } finally {
      setLoaded(true);
    }
  };

  useEffect(() => {
    if (session) void load(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session?.sub]);

  if (!session) {
    return (
      <>
        <h1>My tickets</h1>
        <p><a href="#/signin?next=%2Ftickets">Sign in</a> to see your tickets.</p>
      </>
    );
  }
  return (
    <>
      <h1>My tickets</h1>
      <ProblemMessage error={error} />
      {loaded && !error && orders.length === 0 && <p>You have no orders yet.</p>}
      {orders.map((order) => (
        <section key={order.orderId} className="card" aria-label={`Order ${order.orderId}`}>
          <h2>
            Order of {order.createdAt ? when(order.createdAt) : order.orderId} · <span className="badge">{STATUS_LABELS[order.status] ?? order.status}</span>
          </h2>
          <p>
            {money(order.amountCents, order.currency)} · <a href={`#/events/${encodeURIComponent(order.eventId)}`}>the event</a>
            {order.status === 'PENDING_PAYMENT' && <> · <a href={`#/checkout/${encodeURIComponent(order.orderId)}`}>pay now</a></>}
          </p>
          {order.tickets && order.tickets.length > 0 && (
            <ul className="cards" aria-label="Tickets">
              {order.tickets.map((t) => <TicketCard key={t.ticketId} ticket={t} />)}
            </ul>
          )}
        </section>
      ))}
      {cursor && <button type="button" onClick={() => void load(cursor)}>More orders</button>}
    </>
  );
}
