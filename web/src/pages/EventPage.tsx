import { useEffect, useState } from 'react';
import { useServices, useSession } from '../context';
import type { EventView } from '../api/types';
import { ProblemMessage } from '../components/ProblemMessage';
import { useLoad } from '../components/useLoad';
import { money, when } from '../format';
import { SeatPicker } from '../seats/SeatPicker';
import { usePurchase } from './usePurchase';

export function EventPage({ eventId }: { eventId: string }) {
  const { api, live } = useServices();
  const { data: event, error } = useLoad(() => api.getEvent(eventId), [eventId]);
  const [available, setAvailable] = useState<Record<string, number>>({});

  useEffect(() => {
    if (!event) {
      return;
    }
    setAvailable(Object.fromEntries(event.ticketTypes.map((t) => [t.ticketTypeId, t.available ?? 0])));
    return live.watch(eventId, (update) => setAvailable((a) => ({ ...a, ...update.available })));
  }, [event, eventId, live]);

  if (error) {
    return (
      <>
        <h1>Event</h1>
        <ProblemMessage error={error} />
      </>
    );
  }
  if (!event) {
    return <p>Loading the event…</p>;
  }
  const seated = event.ticketTypes.some((t) => t.seated);
  return (
    <>
      <h1>{event.name}</h1>
      <p>
        {when(event.startsAt)} · {event.venue}
      </p>
      {seated && <SeatPicker event={event} available={available} />}
      {event.ticketTypes.some((t) => !t.seated) && <GeneralAdmission event={event} available={available} />}
    </>
  );
}

function GeneralAdmission({ event, available }: { event: EventView; available: Record<string, number> }) {
  const session = useSession();
  const { buy, retry, canRetry, error, busy } = usePurchase();
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const types = event.ticketTypes.filter((t) => !t.seated);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const items = [];
    for (const type of types) {
      const text = (quantities[type.ticketTypeId] ?? '').trim();
      if (text === '' || text === '0') {
        continue;
      }
      if (!/^\d{1,4}$/.test(text)) {
        setFormError(`Quantity of ${type.name}: enter a whole number.`);
        return;
      }
      items.push({ ticketTypeId: type.ticketTypeId, quantity: Number(text) });
    }
    if (items.length === 0) {
      setFormError('Choose how many tickets you want.');
      return;
    }
    setFormError(null);
    void buy({ eventId: event.eventId, items });
  };

  return (
    <section aria-labelledby="tickets-title">
      <h2 id="tickets-title">Tickets</h2>
      <form onSubmit={submit} noValidate aria-label="Buy tickets">
        <table>
          <thead>
            <tr>
              <th scope="col">Ticket</th>
              <th scope="col">Price</th>
              <th scope="col">Available</th>
              <th scope="col">Quantity</th>
            </tr>
          </thead>
          <tbody>
            {types.map((type) => (
              <tr key={type.ticketTypeId}>
                <th scope="row">{type.name}</th>
                <td>{money(type.priceCents, type.currency)}</td>
                <td data-testid={`available-${type.name}`}>{available[type.ticketTypeId] ?? type.available}</td>
                <td>
                  <label className="visually-hidden" htmlFor={`qty-${type.ticketTypeId}`}>
                    Quantity of {type.name}
                  </label>
                  <input
                    id={`qty-${type.ticketTypeId}`}
                    inputMode="numeric"
                    size={4}
                    value={quantities[type.ticketTypeId] ?? ''}
                    placeholder="0"
                    onChange={(e) => setQuantities((q) => ({ ...q, [type.ticketTypeId]: e.target.value }))}
                  />
                  <span className="hint"> up to {type.maxPerOrder}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {formError && <p className="error" role="alert">{formError}</p>}
        <ProblemMessage error={error} />
        {session ? (
          <p className="row">
            <button type="submit" className="primary" disabled={busy}>Buy tickets</button>
            {canRetry && <button type="button" onClick={() => void retry()}>Try again</button>}
          </p>
        ) : (
          <p>
            <a className="button primary" href={`#/signin?next=${encodeURIComponent(`/events/${event.eventId}`)}`}>Sign in to buy</a>
          </p>
        )}
      </form>
    </section>
  );
}
