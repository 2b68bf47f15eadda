import { useEffect, useState } from 'react';
import { useServices, useSession } from '../context';
import type { EventView } from '../api/types';
import { ProblemMessage } from '../components/ProblemMessage';
import { when } from '../format';

export default function OrganizerPage() {
  const { api } = useServices();
  const session = useSession();
  const [events, setEvents] = useState<EventView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = async (after: string | null) => {
    try {
      const page = await api.organizerEvents({ limit: 50, cursor: after });
      setEvents((list) => (after ? [...list, ...page.events] : page.events));
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

  return (
    <>
      <h1>Organizer dashboard</h1>
      <p><a className="button primary" href="#/organizer/new">Create an event</a></p>
      <ProblemMessage error={error} />
      <h2>Your events</h2>
      {loaded && !error && events.length === 0 && <p>You have not created an event yet.</p>}
      {events.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Starts</th>
              <th scope="col">Venue</th>
              <th scope="col">Gate staff</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.eventId}>
                <th scope="row"><a href={`#/organizer/events/${encodeURIComponent(e.eventId)}`}>{e.name}</a></th>
                <td>{when(e.startsAt)}</td>
                <td>{e.venue}</td>
                <td>{e.staff?.join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && <button type="button" onClick={() => void load(cursor)}>More events</button>}
    </>
  );
}
