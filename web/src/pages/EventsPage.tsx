import { useServices } from '../context';
import type { EventView } from '../api/types';
import { ProblemMessage } from '../components/ProblemMessage';
import { usePages } from '../components/usePages';
import { money, when } from '../format';

export function EventsPage() {
  const { api } = useServices();
  const { items: events, loaded, error, more } = usePages<EventView>(
    (cursor) => api.listEvents({ limit: 20, cursor }).then((page) => ({ items: page.events, nextCursor: page.nextCursor })),
    [],
  );

  return (
    <>
      <h1>Upcoming events</h1>
      <ProblemMessage error={error} />
      {loaded && events.length === 0 && !error && <p>No upcoming events yet.</p>}
      <ul className="cards" aria-label="Events">
        {events.map((event) => {
          const from = Math.min(...event.ticketTypes.map((t) => t.priceCents));
          return (
            <li key={event.eventId} className="card">
              <h2>
                <a href={`#/events/${encodeURIComponent(event.eventId)}`}>{event.name}</a>
              </h2>
              <p>
                {when(event.startsAt)}
                <br />
                {event.venue}
              </p>
              {event.ticketTypes.length > 0 && (
                <p>From {money(from, event.ticketTypes[0].currency)}</p>
              )}
            </li>
          );
        })}
      </ul>
      {more && <button type="button" onClick={more}>More events</button>}
    </>
  );
}
