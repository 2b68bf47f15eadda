// The 2D seat map: one SVG whose seats are written as one string (fast for 20,000 seats) and then changed
// in place on live updates. Zoom and pan with wheel, drag or buttons; seats chosen by click or keyboard.
// Each state has its own pattern and the legend names them, so colour is never the only signal.
import { useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import type { SeatLayout } from './layout';
import './SeatMap.css';

export interface SeatMapHandle {
  /** Redraws the given seats after their states changed in the layout. */
  repaint(indices: number[]): void;
}

interface Props {
  layout: SeatLayout;
  label: string;
  selected: ReadonlySet<string>;
  onToggle?: (seatId: string, index: number) => void;
  onCursor?: (index: number) => void;
  handle?: Ref<SeatMapHandle>;
}

interface View {
  x: number;
  y: number;
  w: number;
  h: number;
}

function seatClass(layout: SeatLayout, i: number, selected: ReadonlySet<string>): string {
  const category = layout.rows[layout.rowOf[i]].category % 6;
  return `s c${category} ${layout.states[i]}${selected.has(layout.ids[i]) ? ' sel' : ''}`;
}

/** The seats as SVG markup: circles, and rounded squares for accessible seats. */
export function seatMarkup(layout: SeatLayout, selected: ReadonlySet<string>, r: number): string {
  const parts: string[] = new Array(layout.count);
  const side = r * 1.8;
  for (let i = 0; i < layout.count; i++) {
    const x = layout.x[i];
    const y = layout.y[i];
    const cls = seatClass(layout, i, selected);
    parts[i] = layout.accessible[i]
      ? `<rect data-i="${i}" class="${cls}" x="${(x - side / 2).toFixed(1)}" y="${(y - side / 2).toFixed(1)}" width="${side.toFixed(1)}" height="${side.toFixed(1)}" rx="${(r / 3).toFixed(1)}"/>`
      : `<circle data-i="${i}" class="${cls}" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}"/>`;
  }
  return parts.join('');
}

export function SeatMap({ layout, label, selected, onToggle, onCursor, handle }: Props) {
  const svgRef = useRef<SVGSVGElement>(null);
  const seatsRef = useRef<SVGGElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const pitch = useMemo(() => layout.pitch(), [layout]);
  const r = pitch * 0.4;
  const home = useMemo<View>(() => {
    const pad = pitch * 2;
    const { minX, minY, maxX, maxY } = layout.bounds;
    return { x: minX - pad, y: minY - pad, w: maxX - minX + 2 * pad, h: maxY - minY + 2 * pad };
  }, [layout, pitch]);
  const [view, setView] = useState<View>(home);
  const [cursor, setCursor] = useState(-1);
  const [renderMs, setRenderMs] = useState<number | null>(null);
  const drag = useRef<{ x: number; y: number; view: View; moved: boolean } | null>(null);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;

  // Draw every seat once per layout; the render time is measured up to the next paint.
  useLayoutEffect(() => {
    const started = performance.now();
    performance.mark('seatmap-start');
    seatsRef.current!.innerHTML = seatMarkup(layout, selectedRef.current, r);
    setView(home);
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark('seatmap-painted');
        performance.measure('seatmap-render', 'seatmap-start', 'seatmap-painted');
        setRenderMs(Math.round(performance.now() - started));
      }, 0),
    );
  }, [layout, r, home]);

  // Selection changes: only the seats whose class differs are touched.
  useEffect(() => {
    const seats = seatsRef.current!.children;
    for (let i = 0; i < layout.count; i++) {
      const el = seats[i];
      const cls = seatClass(layout, i, selected);
      if (el && el.getAttribute('class') !== cls) {
        el.setAttribute('class', cls);
      }
    }
  }, [selected, layout]);

  useImperativeHandle(handle, () => ({
    repaint(indices: number[]) {
      const seats = seatsRef.current!.children;
      for (const i of indices) {
        seats[i]?.setAttribute('class', seatClass(layout, i, selectedRef.current));
      }
      setCursor((c) => c); // the announcement below reads the new state
    },
  }));

  const toPoint = (clientX: number, clientY: number) => {
    const rect = svgRef.current!.getBoundingClientRect();
    const scale = Math.max(view.w / rect.width, view.h / rect.height);
    const offsetX = (rect.width * scale - view.w) / 2;
    const offsetY = (rect.height * scale - view.h) / 2;
    return { x: view.x - offsetX + (clientX - rect.left) * scale, y: view.y - offsetY + (clientY - rect.top) * scale };
  };

  const zoom = (factor: number, around?: { x: number; y: number }) => {
    setView((v) => {
      const w = Math.min(home.w * 4, Math.max(pitch * 6, v.w * factor));
      const h = (v.h * w) / v.w;
      const c = around ?? { x: v.x + v.w / 2, y: v.y + v.h / 2 };
      return { x: c.x - ((c.x - v.x) * w) / v.w, y: c.y - ((c.y - v.y) * h) / v.h, w, h };
    });
  };

  const moveCursor = (next: number) => {
    if (next < 0) {
      return;
    }
    setCursor(next);
    onCursor?.(next);
    setView((v) => {
      const x = layout.x[next];
      const y = layout.y[next];
      if (x > v.x && x < v.x + v.w && y > v.y && y < v.y + v.h) {
        return v;
      }
      return { ...v, x: x - v.w / 2, y: y - v.h / 2 };
    });
  };

  const toggle = (i: number) => {
    if (i >= 0 && onToggle) {
      onToggle(layout.ids[i], i);
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const keys: Record<string, Parameters<SeatLayout['move']>[1]> = {
      ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down', Home: 'home', End: 'end',
    };
    if (keys[e.key]) {
      e.preventDefault();
      moveCursor(cursor < 0 ? 0 : layout.move(cursor, keys[e.key]));
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (cursor < 0) {
        moveCursor(0);
      } else {
        toggle(cursor);
      }
    } else if (e.key === '+' || e.key === '=') {
      zoom(0.8, cursor >= 0 ? { x: layout.x[cursor], y: layout.y[cursor] } : undefined);
    } else if (e.key === '-') {
      zoom(1.25);
    }
  };

  const described = cursor >= 0 ? layout.describe(cursor, selected.has(layout.ids[cursor])) : '';

  return (
    <div className="seatmap">
      <div className="seatmap-toolbar" role="group" aria-label="Seat map view">
        <button type="button" onClick={() => zoom(0.8)}>Zoom in</button>
        <button type="button" onClick={() => zoom(1.25)}>Zoom out</button>
        <button type="button" onClick={() => setView(home)}>Reset view</button>
        {renderMs !== null && (
          <span className="seatmap-meta" data-render-ms={renderMs}>
            {layout.count.toLocaleString('en')} seats drawn in {renderMs} ms
          </span>
        )}
      </div>
      <div
        ref={containerRef}
        className="seatmap-canvas"
        tabIndex={0}
        role="application"
        aria-roledescription="seat map"
        aria-label={`${label}. Arrow keys move between seats, Enter or Space chooses, plus and minus zoom.`}
        aria-describedby="seatmap-legend"
        onKeyDown={onKeyDown}
        onFocus={() => cursor < 0 && layout.count > 0 && moveCursor(layout.move(-1, 'home'))}
      >
        <svg
          ref={svgRef}
          aria-hidden="true"
          focusable="false"
          viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`}
          onWheel={(e) => zoom(e.deltaY > 0 ? 1.15 : 0.87, toPoint(e.clientX, e.clientY))}
          onPointerDown={(e) => {
            drag.current = { x: e.clientX, y: e.clientY, view, moved: false };
          }}
          onPointerMove={(e) => {
            const d = drag.current;
            if (!d || e.buttons === 0) {
              return;
            }
            const dx = e.clientX - d.x;
            const dy = e.clientY - d.y;
            if (Math.abs(dx) + Math.abs(dy) > 4) {
              d.moved = true;
              const rect = svgRef.current!.getBoundingClientRect();
              const scale = Math.max(d.view.w / rect.width, d.view.h / rect.height);
              setView({ ...d.view, x: d.view.x - dx * scale, y: d.view.y - dy * scale });
            }
          }}
          onPointerUp={(e) => {
            const d = drag.current;
            drag.current = null;
            if (d && !d.moved) {
              const target = e.target as Element;
              const i = target.getAttribute('data-i');
              const index = i !== null ? Number(i) : layout.seatAt(toPoint(e.clientX, e.clientY).x, toPoint(e.clientX, e.clientY).y, r * 1.5);
              if (index >= 0) {
                setCursor(index);
                onCursor?.(index);
                toggle(index);
              }
            }
          }}
        >
          <defs>
            <pattern id="pat-H" width={r} height={r} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width={r} height={r} fill="#f2f2f2" />
              <rect width={r / 2.5} height={r} fill="#6b6b6b" />
            </pattern>
            <pattern id="pat-S" width={r} height={r} patternUnits="userSpaceOnUse">
              <rect width={r} height={r} fill="#3d3d3d" />
              <path d={`M0 0L${r} ${r}M${r} 0L0 ${r}`} stroke="#bdbdbd" strokeWidth={r / 8} />
            </pattern>
            <pattern id="pat-B" width={r / 1.5} height={r / 1.5} patternUnits="userSpaceOnUse">
              <rect width={r} height={r} fill="#d9d9d9" />
              <circle cx={r / 3} cy={r / 3} r={r / 10} fill="#555" />
            </pattern>
          </defs>
          <g className="stage" aria-hidden="true">
            <rect x={layout.focus.x - pitch * 3} y={layout.focus.y - pitch} width={pitch * 6} height={pitch * 2} rx={pitch / 3} />
            <text x={layout.focus.x} y={layout.focus.y + pitch * 0.35} textAnchor="middle" fontSize={pitch}>STAGE</text>
          </g>
          <g ref={seatsRef} className="seats" />
          {cursor >= 0 && (
            <circle className="cursor" cx={layout.x[cursor]} cy={layout.y[cursor]} r={r * 1.45} />
          )}
        </svg>
      </div>
      <p className="seatmap-current" aria-live="polite">
        {described ? `Seat ${layout.ids[cursor]}: ${described}` : 'Focus the map and use the arrow keys, or click a seat.'}
      </p>
      <Legend layout={layout} />
    </div>
  );
}

export function Legend({ layout }: { layout: SeatLayout }) {
  const counts = layout.counts();
  return (
    <div id="seatmap-legend" className="seatmap-legend">
      <ul aria-label="Seat states">
        <li><svg aria-hidden="true" viewBox="0 0 20 20"><circle className="s c0 F" cx="10" cy="10" r="8" /></svg> Free, solid colour per category ({counts.F})</li>
        <li><svg aria-hidden="true" viewBox="0 0 20 20"><circle className="s sel c0 F" cx="10" cy="10" r="8" /></svg> Your choice: black with a thick ring</li>
        <li><svg aria-hidden="true" viewBox="0 0 20 20"><circle className="s H" cx="10" cy="10" r="8" /></svg> Held, striped ({counts.H})</li>
        <li><svg aria-hidden="true" viewBox="0 0 20 20"><circle className="s S" cx="10" cy="10" r="8" /></svg> Sold, dark and crossed ({counts.S})</li>
        <li><svg aria-hidden="true" viewBox="0 0 20 20"><circle className="s B" cx="10" cy="10" r="8" /></svg> Blocked, dotted grey ({counts.B})</li>
        <li><svg aria-hidden="true" viewBox="0 0 20 20"><rect className="s c0 F" x="2" y="2" width="16" height="16" rx="3" /></svg> Square: accessible seat</li>
      </ul>
      <ul aria-label="Categories">
        {layout.categories.map((name, i) => (
          <li key={name}><svg aria-hidden="true" viewBox="0 0 20 20"><circle className={`s c${i % 6} F`} cx="10" cy="10" r="8" /></svg> {name}</li>
        ))}
      </ul>
    </div>
  );
}
