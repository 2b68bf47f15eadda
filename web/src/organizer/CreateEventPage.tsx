import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { navigate, useServices } from '../context';
import { ApiError, newIdempotencyKey } from '../api/client';
import type { NewEvent, NewTicketType, Seating } from '../api/types';
import { ProblemMessage } from '../components/ProblemMessage';
import { localToInstant, parsePrice } from '../format';
import { arena, block } from '../seats/generate';
import { SeatLayout } from '../seats/layout';
import { SeatMap } from '../seats/SeatMap';

interface TypeRow {
  key: number;
  name: string;
  price: string;
  capacity: string;
  maxPerOrder: string;
  seated: boolean;
}

const EMPTY_SET: ReadonlySet<string> = new Set();
const SeatView3D = lazy(() => import('../seats/SeatView3D'));

/** The form's own checks (empty and unreadable fields); every rule of the contract is the server's. */
function formErrors(name: string, venue: string, startsAt: string, types: TypeRow[]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!name.trim()) errors.name = 'Enter the event name.';
  if (!venue.trim()) errors.venue = 'Enter the venue.';
  if (!localToInstant(startsAt)) errors.startsAt = 'Enter the date and time the event starts.';
  types.forEach((t, i) => {
    if (!t.name.trim()) errors[`ticketTypes[${i}].name`] = 'Enter a name for this ticket type.';
    if (parsePrice(t.price) === null) errors[`ticketTypes[${i}].priceCents`] = 'Enter a price such as 25 or 25.50.';
    if (!t.seated && !/^\d+$/.test(t.capacity.trim())) errors[`ticketTypes[${i}].capacity`] = 'Enter how many tickets (a whole number).';
    if (t.maxPerOrder.trim() && !/^\d+$/.test(t.maxPerOrder.trim())) errors[`ticketTypes[${i}].maxPerOrder`] = 'Enter a whole number, or leave empty.';
  });
  return errors;
}

export default function CreateEventPage() {
  const { api } = useServices();
  const [name, setName] = useState('');
  const [venue, setVenue] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [staff, setStaff] = useState('');
  const [types, setTypes] = useState<TypeRow[]>([{ key: 1, name: 'General', price: '25', capacity: '100', maxPerOrder: '', seated: false }]);
  const [withSeating, setWithSeating] = useState(false);
  const [seatingText, setSeatingText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [previewSeat, setPreviewSeat] = useState(-1);
  const [show3D, setShow3D] = useState(false);
  // One Idempotency-Key per submitted form: a retry after a lost answer creates no second event.
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const nextKey = useRef(2);

  const seating = useMemo<{ value?: Seating; error?: string }>(() => {
    if (!withSeating || !seatingText.trim()) return {};
    try {
      const value = JSON.parse(seatingText) as Seating;
      if (!value || !Array.isArray(value.sections)) return { error: 'The seat map needs a "sections" list.' };
      return { value };
    } catch (e) {
      return { error: `The seat map is not valid JSON: ${(e as Error).message}` };
    }
  }, [withSeating, seatingText]);
  const preview = useMemo(() => {
    try {
      return seating.value ? SeatLayout.fromSeating(seating.value) : null;
    } catch {
      return null;
    }
  }, [seating.value]);

  const update = (key: number, change: Partial<TypeRow>) => setTypes((list) => list.map((t) => (t.key === key ? { ...t, ...change } : t)));

  const addBlock = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const id = String(data.get('blockId') || 'A').trim();
    const rows = Number(data.get('blockRows'));
    const seats = Number(data.get('blockSeats'));
    const category = String(data.get('blockCategory') || 'Standard').trim();
    if (!/^[A-Za-z0-9]{1,8}$/.test(id) || !(rows >= 1 && rows <= 500) || !(seats >= 1 && seats <= 200)) {
      setErrors((e) => ({ ...e, block: 'Section id: 1 to 8 letters or digits; rows 1 to 500; seats per row 1 to 200.' }));
      return;
    }
    const current: Seating = seating.value ?? { focus: { x: 0, y: 0 }, sections: [] };
    const offset = current.sections.reduce((x, s) => Math.max(x, ...s.rows.map((r) => r.x + r.dx * r.seats)), -Infinity);
    const x = Number.isFinite(offset) ? offset + 40 : 0;
    const next: Seating = {
      focus: current.focus,
      sections: [...current.sections, block({ id, rows, seatsPerRow: seats, category, x, y: 60 })],
    };
    const xs = next.sections.flatMap((s) => s.rows.flatMap((r) => [r.x, r.x + r.dx * (r.seats - 1)]));
    next.focus = { x: Math.round((Math.min(...xs) + Math.max(...xs)) / 2), y: 0 };
    setSeatingText(JSON.stringify(next, null, 1));
    setErrors(({ block: _omit, ...rest }) => rest);
    if (!types.some((t) => t.seated && t.name === category)) {
      setTypes((list) => [...list, { key: nextKey.current++, name: category, price: '40', capacity: '', maxPerOrder: '', seated: true }]);
    }
  };

  const useArena = () => {
    const template = arena(20, 20, 50);
    setSeatingText(JSON.stringify(template));
    const categories = [...new Set(template.sections.flatMap((s) => s.rows.map((r) => r.category)))];
    setTypes((list) => [
      ...list.filter((t) => !t.seated),
      ...categories.map((name, i) => ({ key: nextKey.current++, name, price: String(90 - i * 25), capacity: '', maxPerOrder: '', seated: true })),
    ]);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const found = formErrors(name, venue, startsAt, types);
    if (seating.error) found.seating = seating.error;
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) {
      document.getElementById(Object.keys(found)[0].replace(/[[\].]/g, '-'))?.focus();
      return;
    }
    const body: NewEvent = {
      name: name.trim(),
      venue: venue.trim(),
      startsAt: localToInstant(startsAt)!,
      staff: staff.split(/[\s,]+/).filter(Boolean),
      ticketTypes: types.map((t): NewTicketType => ({
        name: t.name.trim(),
        priceCents: parsePrice(t.price)!,
        currency,
        ...(t.seated ? { seated: true } : { capacity: Number(t.capacity) }),
        ...(t.maxPerOrder.trim() ? { maxPerOrder: Number(t.maxPerOrder) } : {}),
      })),
      ...(seating.value ? { seating: seating.value } : {}),
    };
    const text = JSON.stringify(body);
    if (!attempt.current || attempt.current.body !== text) {
      attempt.current = { body: text, key: newIdempotencyKey() };
    }
    setBusy(true);
    try {
      const created = await api.createEvent(body, attempt.current.key);
      attempt.current = null;
      navigate(`/organizer/events/${encodeURIComponent(created.eventId)}`);
    } catch (err) {
      setProblem(err);
      if (err instanceof ApiError && err.field) {
        // A problem inside the seat map (seating.sections[0].rows[2].dx, named in the detail) is shown at its text.
        setErrors({ [err.field.startsWith('seating.') ? 'seating' : err.field]: err.detail });
      }
    } finally {
      setBusy(false);
    }
  };

  const fieldId = (field: string) => field.replace(/[[\].]/g, '-');
  const error = (field: string) =>
    errors[field] ? <p className="error" id={`${fieldId(field)}-error`}>{errors[field]}</p> : null;
  const invalid = (field: string) => ({
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `${fieldId(field)}-error` : undefined,
  });
  const errorCount = Object.keys(errors).length;

  return (
    <>
      <h1>Create an event</h1>
      {errorCount > 0 && !problem && (
        <p className="alert" role="alert">Please correct {errorCount === 1 ? 'one field' : `${errorCount} fields`} below.</p>
      )}
      <ProblemMessage error={problem} />
      <form onSubmit={submit} noValidate aria-label="New event">
        <div className="field">
          <label htmlFor="name">Event name</label>
          <input id="name" value={name} onChange={(e) => setName(e.target.value)} size={40} {...invalid('name')} />
          {error('name')}
        </div>
        <div className="field">
          <label htmlFor="venue">Venue</label>
          <input id="venue" value={venue} onChange={(e) => setVenue(e.target.value)} size={40} {...invalid('venue')} />
          {error('venue')}
        </div>
        <div className="row">
          <div className="field">
            <label htmlFor="startsAt">Starts at (your local time)</label>
            <input id="startsAt" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} {...invalid('startsAt')} />
            {error('startsAt')}
          </div>
          <div className="field">
            <label htmlFor="currency">Currency</label>
            <select id="currency" value={currency} onChange={(e) => setCurrency(e.target.value)}>
              {['EUR', 'USD', 'GBP', 'CHF'].map((c) => <option key={c}>{c}</option>)}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor="staff">Gate staff (user ids, separated by commas or spaces)</label>
          <input id="staff" value={staff} onChange={(e) => setStaff(e.target.value)} size={40} {...invalid('staff')} />
          {error('staff')}
        </div>
        <fieldset>
          <legend>Ticket types</legend>
          {error('ticketTypes')}
          {types.map((t, i) => (
            <fieldset key={t.key}>
              <legend>Ticket type {i + 1}</legend>
              <div className="row">
                <div className="field">
                  <label htmlFor={fieldId(`ticketTypes[${i}].name`)}>Name</label>
                  <input id={fieldId(`ticketTypes[${i}].name`)} value={t.name} onChange={(e) => update(t.key, { name: e.target.value })} {...invalid(`ticketTypes[${i}].name`)} />
                  {error(`ticketTypes[${i}].name`)}
                </div>
                <div className="field">
                  <label htmlFor={fieldId(`ticketTypes[${i}].priceCents`)}>Price ({currency})</label>
                  <input id={fieldId(`ticketTypes[${i}].priceCents`)} inputMode="decimal" size={8} value={t.price} onChange={(e) => update(t.key, { price: e.target.value })} {...invalid(`ticketTypes[${i}].priceCents`)} />
                  {error(`ticketTypes[${i}].priceCents`)}
                </div>
                {!t.seated && (
                  <div className="field">
                    <label htmlFor={fieldId(`ticketTypes[${i}].capacity`)}>Capacity</label>
                    <input id={fieldId(`ticketTypes[${i}].capacity`)} inputMode="numeric" size={8} value={t.capacity} onChange={(e) => update(t.key, { capacity: e.target.value })} {...invalid(`ticketTypes[${i}].capacity`)} />
                    {error(`ticketTypes[${i}].capacity`)}
                  </div>
                )}
                <div className="field">
                  <label htmlFor={fieldId(`ticketTypes[${i}].maxPerOrder`)}>Max per order</label>
                  <input id={fieldId(`ticketTypes[${i}].maxPerOrder`)} inputMode="numeric" size={5} placeholder="10" value={t.maxPerOrder} onChange={(e) => update(t.key, { maxPerOrder: e.target.value })} {...invalid(`ticketTypes[${i}].maxPerOrder`)} />
                  {error(`ticketTypes[${i}].maxPerOrder`)}
                </div>
                <div className="field">
                  <input id={`seated-${t.key}`} type="checkbox" checked={t.seated} onChange={(e) => update(t.key, { seated: e.target.checked })} />{' '}
                  <label htmlFor={`seated-${t.key}`} style={{ display: 'inline' }}>Seated (a category of the seat map)</label>
                </div>
                {types.length > 1 && (
                  <button type="button" onClick={() => setTypes((list) => list.filter((x) => x.key !== t.key))}>
                    Remove ticket type {i + 1}
                  </button>
                )}
              </div>
            </fieldset>
          ))}
          <button type="button" onClick={() => setTypes((list) => [...list, { key: nextKey.current++, name: '', price: '', capacity: '', maxPerOrder: '', seated: false }])}>
            Add a ticket type
          </button>
        </fieldset>
        <fieldset>
          <legend>Seat map</legend>
          <div className="field">
            <input id="with-seating" type="checkbox" checked={withSeating} onChange={(e) => setWithSeating(e.target.checked)} />{' '}
            <label htmlFor="with-seating" style={{ display: 'inline' }}>This event has a seat map</label>
          </div>
          {withSeating && (
            <>
              <p className="hint">
                Rows in the compact format: each row is <code>seats</code> places from (<code>x</code>,<code>y</code>) in steps of
                (<code>dx</code>,<code>dy</code>), with <code>skip</code>ped and <code>accessible</code> seat numbers; its
                <code> category</code> is the name of a seated ticket type. Add blocks below or edit the text.
              </p>
              <div className="field">
                <label htmlFor="seating">Seat map (JSON)</label>
                <textarea id="seating" rows={10} cols={80} value={seatingText} onChange={(e) => setSeatingText(e.target.value)} {...invalid('seating')} />
                {error('seating')}
                {seating.error && !errors.seating && <p className="error">{seating.error}</p>}
              </div>
              <BlockForm onAdd={addBlock} error={errors.block} />
              <p>
                <button type="button" onClick={() => useArena()}>Start from the arena template (20,000 seats)</button>
              </p>
              {preview && (
                <section aria-labelledby="preview-title">
                  <h2 id="preview-title">Preview</h2>
                  <SeatMap layout={preview} label="Preview of the seat map" selected={EMPTY_SET} onCursor={setPreviewSeat} />
                  <button type="button" disabled={previewSeat < 0 || previewSeat >= preview.count} onClick={() => setShow3D(true)}>
                    View from {previewSeat >= 0 && previewSeat < preview.count ? preview.ids[previewSeat] : 'a seat'} in 3D
                  </button>
                  {show3D && previewSeat >= 0 && previewSeat < preview.count && (
                    <Suspense fallback={<p>Loading the 3D view…</p>}>
                      <SeatView3D layout={preview} seat={previewSeat} onClose={() => setShow3D(false)} />
                    </Suspense>
                  )}
                </section>
              )}
            </>
          )}
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>Create the event</button>
      </form>
    </>
  );
}

/** A block of rows added to the seat map's text (a helper: the text is what is sent). */
function BlockForm({ onAdd, error }: { onAdd: (form: HTMLFormElement) => void; error?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  return (
    <div ref={ref} role="group" aria-labelledby="block-title" className="card">
      <h3 id="block-title">Add a block of rows</h3>
      <div className="row">
        <div className="field"><label htmlFor="blockId">Section id</label><input id="blockId" name="blockId" defaultValue="A" size={6} /></div>
        <div className="field"><label htmlFor="blockRows">Rows</label><input id="blockRows" name="blockRows" defaultValue="10" size={5} inputMode="numeric" /></div>
        <div className="field"><label htmlFor="blockSeats">Seats per row</label><input id="blockSeats" name="blockSeats" defaultValue="20" size={5} inputMode="numeric" /></div>
        <div className="field"><label htmlFor="blockCategory">Category</label><input id="blockCategory" name="blockCategory" defaultValue="Stalls" size={12} /></div>
        <button
          type="button"
          onClick={() => {
            // The block's inputs live inside the event form: read them through a detached form.
            const form = document.createElement('form');
            ref.current!.querySelectorAll('input').forEach((input) => {
              const copy = document.createElement('input');
              copy.name = input.name;
              copy.value = input.value;
              form.appendChild(copy);
            });
            onAdd(form);
          }}
        >
          Add block
        </button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
