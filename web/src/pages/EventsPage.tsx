import { useEffect, useState } from 'react';
import { useServices } from '../context';
import type { EventView } from '../api/types';
import { ProblemMessage } from '../components/ProblemMessage';
import { money, when } from '../format';

export function EventsPage() {
  const { api } = useServices();
  const [events, setEvents] = useState<EventView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = async (after: string | null) => {
    try {
      const page = await api.listEvents({ limit: 20, cursor: after });
      setEvents((list) => (after ? [...list, ...page.events] : page.events));
      setCursor(page.nextCursor);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoaded(true);
    }
  };

  useEffect(() => {
    void load(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

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
      {cursor && (
        <button type="button" onClick={() => load(cursor)}>
          More events
        </button>
      )}
    </>
  );
}
