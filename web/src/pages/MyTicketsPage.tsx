import { useServices, useSession } from '../context';
import type { Order } from '../api/types';
import { ProblemMessage } from '../components/ProblemMessage';
import { usePages } from '../components/usePages';
import { TicketCard } from '../components/TicketCard';
import { money, STATUS_LABELS, when } from '../format';

export function MyTicketsPage() {
  const { api } = useServices();
  const session = useSession();
  const { items: orders, loaded, error, more } = usePages<Order>(
    (cursor) => api.myOrders({ limit: 20, cursor }).then((page) => ({ items: page.orders, nextCursor: page.nextCursor })),
    [session?.sub], !!session,
  );

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
      {more && <button type="button" onClick={more}>More orders</button>}
    </>
  );
}
