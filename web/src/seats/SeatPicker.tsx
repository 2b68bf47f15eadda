// The seated part of an event page: the live seat map, the buyer's choice, best available, the 3D view.
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useServices, useSession } from '../context';
import { ApiError } from '../api/client';
import type { LiveUpdate } from '../api/live';
import type { EventView, PurchaseItem } from '../api/types';
import { ProblemMessage } from '../components/ProblemMessage';
import { money } from '../format';
import { usePurchase } from '../pages/usePurchase';
import { SeatLayout } from './layout';
import { SeatMap, type SeatMapHandle } from './SeatMap';

const SeatView3D = lazy(() => import('./SeatView3D'));

export function SeatPicker({ event, available }: { event: EventView; available: Record<string, number> }) {
  const { api, live } = useServices();
  const session = useSession();
  const [layout, setLayout] = useState<SeatLayout | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [cursor, setCursor] = useState(-1);
  const [show3D, setShow3D] = useState(false);
  const [note, setNote] = useState('');
  const map = useRef<SeatMapHandle>(null);
  const { buy, retry, canRetry, error: buyError, busy } = usePurchase();
  const seatedTypes = event.ticketTypes.filter((t) => t.seated);
  const typeByCategory = useMemo(() => new Map(seatedTypes.map((t) => [t.name, t])), [seatedTypes]);

  useEffect(() => {
    let current: SeatLayout | null = null;
    let active = true;
    // Live updates that come before the map has been read are kept and laid over it once it is (the newer ones).
    const early: LiveUpdate[] = [];
    const apply = (update: LiveUpdate) => {
      if (!current) {
        early.push(update);
        return;
      }
      if (update.version <= current.version) {
        return;
      }
      const changed =
        update.kind === 'snapshot'
          ? update.seats ? current.applyStates(update.seats) : []
          : Object.entries(update.seats).map(([id, state]) => current!.setState(id, state)).filter((i) => i >= 0);
      current.version = update.version;
      map.current?.repaint(changed);
      const lost = changed.map((i) => current!.ids[i]).filter((id) => current!.states[current!.indexOf(id)] !== 'F');
      if (lost.length > 0) {
        setSelected((s) => {
          const taken = lost.filter((id) => s.has(id));
          if (taken.length === 0) {
            return s;
          }
          setNote(`Just taken by someone else: ${taken.join(', ')}.`);
          return new Set([...s].filter((id) => !taken.includes(id)));
        });
      }
    };
    const stop = live.watch(event.eventId, apply, true);
    api.getSeats(event.eventId).then(
      (seats) => {
        if (seats && active) {
          current = SeatLayout.fromResponse(seats, event.seating?.focus);
          early.splice(0).forEach(apply);
          setLayout(current);
        }
      },
      (e) => active && setError(e),
    );
    return () => {
      active = false;
      stop();
    };
  }, [api, live, event.eventId, event.seating]);

  // Chosen seats the server found taken (409 seats_unavailable names them) leave the choice; nothing was held.
  useEffect(() => {
    const taken = buyError instanceof ApiError && buyError.code === 'seats_unavailable' ? buyError.problem.seats : null;
    if (Array.isArray(taken)) {
      setSelected((s) => new Set([...s].filter((id) => !taken.includes(id))));
    }
  }, [buyError]);

  if (error) {
    return <ProblemMessage error={error} />;
  }
  if (!layout) {
    return <p>Loading the seat map…</p>;
  }

  const toggle = (id: string, index: number) => {
    if (selected.has(id)) {
      setSelected(new Set([...selected].filter((s) => s !== id)));
      setNote(`${id} removed from your choice.`);
    } else if (layout.states[index] !== 'F') {
      setNote(`${id} is not free.`);
    } else {
      setSelected(new Set([...selected, id]));
      setNote(`${id} added to your choice.`);
    }
  };

  const chosen = [...selected];
  const buyChosen = () => {
    const byType = new Map<string, string[]>();
    for (const id of chosen) {
      const category = layout.categories[layout.rows[layout.rowOf[layout.indexOf(id)]].category];
      const type = typeByCategory.get(category);
      if (type) {
        byType.set(type.ticketTypeId, [...(byType.get(type.ticketTypeId) ?? []), id]);
      }
    }
    const items: PurchaseItem[] = [...byType].map(([ticketTypeId, seats]) => ({ ticketTypeId, seats }));
    void buy({ eventId: event.eventId, items });
  };

  return (
    <section aria-labelledby="seats-title">
      <h2 id="seats-title">Choose your seats</h2>
      <SeatMap
        layout={layout}
        label={`Seat map of ${event.name}`}
        selected={selected}
        onToggle={toggle}
        onCursor={setCursor}
        handle={map}
      />
      <p aria-live="polite" className="hint">{note}</p>
      <div className="row">
        <div>
          <h3>Your choice</h3>
          {chosen.length === 0 ? <p>No seats chosen yet.</p> : (
            <ul aria-label="Chosen seats">
              {chosen.map((id) => <li key={id}>{layout.describe(layout.indexOf(id))}</li>)}
            </ul>
          )}
          {session ? (
            <p className="row">
              <button type="button" className="primary" disabled={busy || chosen.length === 0} onClick={buyChosen}>
                Buy {chosen.length} chosen {chosen.length === 1 ? 'seat' : 'seats'}
              </button>
              {canRetry && <button type="button" onClick={() => void retry()}>Try again</button>}
            </p>
          ) : (
            <p><a className="button primary" href={`#/signin?next=${encodeURIComponent(`/events/${event.eventId}`)}`}>Sign in to buy</a></p>
          )}
          <button type="button" disabled={cursor < 0} onClick={() => setShow3D(true)}>
            View from {cursor >= 0 ? layout.ids[cursor] : 'a seat'} in 3D
          </button>
        </div>
        {session && <BestAvailable event={event} available={available} busy={busy} onBuy={(item) => void buy({ eventId: event.eventId, items: [item] })} />}
      </div>
      <ProblemMessage error={buyError} />
      {show3D && cursor >= 0 && (
        <Suspense fallback={<p>Loading the 3D view…</p>}>
          <SeatView3D layout={layout} seat={cursor} onClose={() => setShow3D(false)} />
        </Suspense>
      )}
      <p className="hint">
        Prices: {seatedTypes.map((t) => `${t.name} ${money(t.priceCents, t.currency)}`).join(' · ')}
      </p>
    </section>
  );
}

function BestAvailable({ event, available, busy, onBuy }: {
  event: EventView;
  available: Record<string, number>;
  busy: boolean;
  onBuy: (item: PurchaseItem) => void;
}) {
  const types = event.ticketTypes.filter((t) => t.seated);
  const [type, setType] = useState(types[0]?.ticketTypeId ?? '');
  const [quantity, setQuantity] = useState('2');
  const [together, setTogether] = useState(true);
  const [accessible, setAccessible] = useState('0');
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!/^\d{1,3}$/.test(quantity.trim()) || Number(quantity) < 1) {
      setFormError('Number of seats: enter a whole number of at least 1.');
      return;
    }
    if (!/^\d{1,3}$/.test(accessible.trim())) {
      setFormError('Accessible seats: enter a whole number (0 for none).');
      return;
    }
    setFormError(null);
    const count = Number(accessible);
    onBuy({ ticketTypeId: type, quantity: Number(quantity), together, ...(count > 0 ? { accessible: count } : {}) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Best available seats">
      <h3>Best available</h3>
      <div className="field">
        <label htmlFor="best-type">Category</label>
        <select id="best-type" value={type} onChange={(e) => setType(e.target.value)}>
          {types.map((t) => (
            <option key={t.ticketTypeId} value={t.ticketTypeId}>
              {t.name} ({available[t.ticketTypeId] ?? t.available} left)
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="best-quantity">Number of seats</label>
        <input id="best-quantity" inputMode="numeric" size={4} value={quantity} onChange={(e) => setQuantity(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="best-accessible">Of which accessible</label>
        <input id="best-accessible" inputMode="numeric" size={4} value={accessible} onChange={(e) => setAccessible(e.target.value)} />
      </div>
      <div className="field">
        <input id="best-together" type="checkbox" checked={together} onChange={(e) => setTogether(e.target.checked)} />{' '}
        <label htmlFor="best-together" style={{ display: 'inline' }}>Seats together in one row</label>
      </div>
      {formError && <p className="error" role="alert">{formError}</p>}
      <button type="submit" disabled={busy}>Find the best seats</button>
    </form>
  );
}
