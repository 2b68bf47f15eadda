import { useServices, useSession } from '../context';
import type { EventView } from '../api/types';
import { ProblemMessage } from '../components/ProblemMessage';
import { usePages } from '../components/usePages';
import { when } from '../format';

export default function OrganizerPage() {
  const { api } = useServices();
  const session = useSession();
  const { items: events, loaded, error, more } = usePages<EventView>(
    (cursor) => api.organizerEvents({ limit: 50, cursor }).then((page) => ({ items: page.events, nextCursor: page.nextCursor })),
    [session?.sub], !!session,
  );

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
      {more && <button type="button" onClick={more}>More events</button>}
    </>
  );
}
