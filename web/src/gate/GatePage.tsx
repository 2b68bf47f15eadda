// The gate scanner: camera or image, the signature checked offline with the JWK Set first (a forged code never
// reaches the network), then the online check-in, whose answer fills the screen.
import { useEffect, useRef, useState } from 'react';
import { useServices } from '../context';
import { ApiError } from '../api/client';
import type { EventView, JwkSet, ScanResult, ValidationAnswer } from '../api/types';
import { problemText } from '../components/ProblemMessage';
import { when } from '../format';
import { decodeImageFile, decodeVideoFrame } from './decode';
import { verifyOffline } from './ticketCode';
import './GatePage.css';

type Screen =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'result'; result: ScanResult; answer?: ValidationAnswer; offline: boolean; detail?: string }
  | { kind: 'error'; message: string };

const TITLES: Record<ScanResult, string> = {
  VALID: 'VALID',
  ALREADY_USED: 'ALREADY USED',
  INVALID: 'INVALID',
  WRONG_EVENT: 'WRONG EVENT',
  VOID: 'VOID',
};

const ADVICE: Record<ScanResult, string> = {
  VALID: 'Let the guest in.',
  ALREADY_USED: 'This ticket was scanned before. Do not let it in again.',
  INVALID: 'Not a genuine TicketHub ticket.',
  WRONG_EVENT: 'A genuine ticket, but for another event.',
  VOID: 'This ticket was refunded or cancelled.',
};

export default function GatePage() {
  const { api } = useServices();
  const [events, setEvents] = useState<EventView[]>([]);
  const [eventId, setEventId] = useState('');
  const [gate, setGate] = useState('Main');
  const [screen, setScreen] = useState<Screen>({ kind: 'idle' });
  const [camera, setCamera] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const keys = useRef<JwkSet | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    api.listEvents({ limit: 100 }).then((page) => setEvents(page.events), () => setEvents([]));
    api.ticketKeys().then((k) => (keys.current = k), () => undefined);
  }, [api]);

  useEffect(() => {
    if (screen.kind === 'result' || screen.kind === 'error') {
      resultRef.current?.focus();
    }
  }, [screen]);

  const check = async (code: string) => {
    if (!eventId.trim()) {
      setFormError('Choose the event you are scanning for.');
      return;
    }
    setFormError(null);
    setScreen({ kind: 'checking' });
    try {
      keys.current ??= await api.ticketKeys();
      let verdict = await verifyOffline(code, keys.current);
      if (verdict === 'unknown-key') {
        keys.current = await api.ticketKeys(); // keys rotate: fetch them once more before refusing
        verdict = await verifyOffline(code, keys.current);
      }
      if (verdict !== 'signature-ok') {
        setScreen({ kind: 'result', result: 'INVALID', offline: true, detail: 'The code is not signed by TicketHub.' });
        return;
      }
      const answer = await api.validate(code, eventId.trim(), gate.trim() || 'Main');
      setScreen({ kind: 'result', result: answer.result, answer, offline: false, detail: answer.detail });
    } catch (e) {
      setScreen({
        kind: 'error',
        message: e instanceof ApiError && e.code === 'network'
          ? 'The signature is genuine, but the server cannot be reached to check the ticket in. Try again.'
          : problemText(e),
      });
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (!eventId.trim()) {
      setFormError('Choose the event you are scanning for.');
      return;
    }
    const code = await decodeImageFile(file).catch(() => null);
    if (!code) {
      setScreen({ kind: 'error', message: 'No QR code found in that image. Try a sharper or larger picture.' });
      return;
    }
    await check(code);
  };

  return (
    <>
      <h1>Gate scanner</h1>
      <form className="row" noValidate aria-label="Gate settings" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="gate-event">Event</label>
          <select id="gate-event" value={eventId} onChange={(e) => setEventId(e.target.value)} aria-invalid={formError ? true : undefined} aria-describedby={formError ? 'gate-event-error' : undefined}>
            <option value="">Choose an event…</option>
            {events.map((e) => <option key={e.eventId} value={e.eventId}>{e.name} · {when(e.startsAt)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="gate-name">Gate</label>
          <input id="gate-name" value={gate} onChange={(e) => setGate(e.target.value)} size={12} />
        </div>
      </form>
      {formError && <p className="error" id="gate-event-error" role="alert">{formError}</p>}
      <div className="row">
        <div className="field">
          <label htmlFor="ticket-image">Scan a ticket image</label>
          <input id="ticket-image" type="file" accept="image/*" onChange={(e) => { void onFile(e.target.files?.[0]); e.target.value = ''; }} />
        </div>
        <button type="button" onClick={() => setCamera((c) => !c)}>{camera ? 'Stop the camera' : 'Scan with the camera'}</button>
      </div>
      {camera && <CameraScanner onCode={(code) => { setCamera(false); void check(code); }} />}
      <div ref={resultRef} tabIndex={-1} aria-live="assertive" className="gate-result-region">
        {screen.kind === 'checking' && <p className="gate-checking">Checking…</p>}
        {screen.kind === 'error' && <div className="gate-screen gate-error" role="alert"><p className="gate-title">CANNOT CHECK</p><p>{screen.message}</p></div>}
        {screen.kind === 'result' && <ResultScreen screen={screen} onNext={() => setScreen({ kind: 'idle' })} />}
      </div>
    </>
  );
}

function ResultScreen({ screen, onNext }: { screen: Extract<Screen, { kind: 'result' }>; onNext: () => void }) {
  const { result, answer } = screen;
  const seat = answer?.seat;
  return (
    <div className={`gate-screen gate-${result.toLowerCase()}`} data-result={result}>
      <p className="gate-title">
        <span aria-hidden="true" className="gate-icon">{result === 'VALID' ? '✔' : result === 'ALREADY_USED' ? '!' : '✖'}</span> {TITLES[result]}
      </p>
      <p className="gate-advice">{ADVICE[result]}</p>
      {seat && <p className="gate-seat">Section {seat.section} · Row {seat.row} · Seat {seat.number}</p>}
      {result === 'ALREADY_USED' && answer?.checkedInAt && (
        <p>First checked in {when(answer.checkedInAt)}{answer.gate ? ` at gate ${answer.gate}` : ''}.</p>
      )}
      {result === 'VALID' && answer?.checkedInAt && <p>Checked in {when(answer.checkedInAt)}.</p>}
      {screen.offline && <p>Refused offline: the signature did not verify.</p>}
      <button type="button" onClick={onNext}>Scan the next ticket</button>
    </div>
  );
}

function CameraScanner({ onCode }: { onCode: (code: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let done = false;
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (s) => {
        stream = s;
        video.current!.srcObject = s;
        await video.current!.play();
        timer = setInterval(() => {
          const code = decodeVideoFrame(video.current!, canvas.current!);
          if (code && !done) {
            done = true;
            onCode(code);
          }
        }, 200);
      })
      .catch((e) => setError(`The camera is not available (${e.message ?? e}). Scan an image instead.`));
    if (!navigator.mediaDevices) {
      setError('This browser gives no camera access here (it needs HTTPS). Scan an image instead.');
    }
    return () => {
      clearInterval(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [onCode]);

  return (
    <div className="camera">
      {error ? <p className="alert" role="alert">{error}</p> : <p>Hold the ticket's QR code in front of the camera.</p>}
      <video ref={video} muted playsInline aria-label="Camera picture" />
      <canvas ref={canvas} hidden />
    </div>
  );
}
