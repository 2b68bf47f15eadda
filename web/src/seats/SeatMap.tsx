// The 2D seat map, drawn on a canvas (20,000 seats in a few milliseconds, where as many SVG elements take
// seconds on a busy machine). Zoom and pan with wheel, drag or buttons; seats chosen by click or keyboard, the
// current seat named in words. Each state has its own pattern and the legend names them, so colour is never the
// only signal.
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import type { SeatLayout } from './layout';
import { CATEGORY_COLOURS, patternTile, type PatternName } from './paint';
import './SeatMap.css';

export interface SeatMapHandle {
  /** Redraws the map after seat states changed in the layout. */
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

/** The transform that fits {@code view} into a canvas of {@code width} x {@code height} pixels, centred. */
function fit(view: View, width: number, height: number) {
  const scale = Math.min(width / view.w, height / view.h);
  return { scale, dx: (width - view.w * scale) / 2 - view.x * scale, dy: (height - view.h * scale) / 2 - view.y * scale };
}

export function SeatMap({ layout, label, selected, onToggle, onCursor, handle }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
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
  const [, setRepaints] = useState(0);
  const drag = useRef<{ x: number; y: number; view: View; moved: boolean } | null>(null);
  const frame = useRef(0);
  const patterns = useRef<Record<PatternName, CanvasPattern | null> | null>(null);
  const measuring = useRef<number | null>(null);

  const draw = useCallback(() => {
    const canvas = canvasRef.current;
    if (!canvas) {
      return;
    }
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth * ratio;
    const height = canvas.clientHeight * ratio;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    const ctx = canvas.getContext('2d')!;
    if (!patterns.current) {
      patterns.current = {
        H: ctx.createPattern(patternTile('H', ratio), 'repeat'),
        S: ctx.createPattern(patternTile('S', ratio), 'repeat'),
        B: ctx.createPattern(patternTile('B', ratio), 'repeat'),
      };
    }
    const t = fit(view, width, height);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#fbfbf8';
    ctx.fillRect(0, 0, width, height);
    ctx.setTransform(t.scale, 0, 0, t.scale, t.dx, t.dy);

    // The stage at the focus.
    ctx.fillStyle = '#232323';
    ctx.fillRect(layout.focus.x - pitch * 3, layout.focus.y - pitch, pitch * 6, pitch * 2);
    ctx.fillStyle = '#fff';
    ctx.font = `700 ${pitch}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText('STAGE', layout.focus.x, layout.focus.y);

    // Seats, one path per look: free seats by category, then held, sold and blocked by pattern. Zoomed far out,
    // a seat is drawn at least about a pixel wide, so that blocks read as areas of their colour.
    const dr = Math.min(pitch / 2, Math.max(r, 0.6 / t.scale));
    const side = dr * 1.8;
    const path = (keep: (i: number) => boolean) => {
      ctx.beginPath();
      for (let i = 0; i < layout.count; i++) {
        if (!keep(i)) continue;
        const x = layout.x[i];
        const y = layout.y[i];
        if (layout.accessible[i]) {
          ctx.rect(x - side / 2, y - side / 2, side, side);
        } else {
          ctx.moveTo(x + dr, y);
          ctx.arc(x, y, dr, 0, Math.PI * 2);
        }
      }
    };
    // Outlines only where seats are big enough on screen to show them; zoomed out they would be all one sees.
    const outline = () => {
      if (dr * t.scale < 3) return;
      ctx.lineWidth = 1 / t.scale;
      ctx.strokeStyle = '#1d1d1d';
      ctx.stroke();
    };
    const chosen = (i: number) => selected.has(layout.ids[i]);
    layout.categories.forEach((_, category) => {
      path((i) => layout.states[i] === 'F' && layout.rows[layout.rowOf[i]].category === category && !chosen(i));
      ctx.fillStyle = CATEGORY_COLOURS[category % CATEGORY_COLOURS.length];
      ctx.fill();
      outline();
    });
    for (const state of ['H', 'S', 'B'] as const) {
      path((i) => layout.states[i] === state && !chosen(i));
      const pattern = patterns.current[state]!;
      // Patterns stay the same size on screen, whatever the zoom.
      pattern.setTransform(new DOMMatrix([1 / t.scale, 0, 0, 1 / t.scale, -t.dx / t.scale, -t.dy / t.scale]));
      ctx.fillStyle = pattern;
      ctx.fill();
      outline();
    }
    if (selected.size > 0) {
      path(chosen);
      ctx.fillStyle = '#000';
      ctx.fill();
      ctx.lineWidth = r * 0.45;
      ctx.strokeStyle = '#ffd400';
      ctx.stroke();
    }
    if (cursor >= 0) {
      ctx.beginPath();
      ctx.arc(layout.x[cursor], layout.y[cursor], r * 1.5, 0, Math.PI * 2);
      ctx.setLineDash([r * 0.6, r * 0.4]);
      ctx.lineWidth = Math.max(r * 0.3, 2 / t.scale);
      ctx.strokeStyle = '#1a4fd6';
      ctx.stroke();
      ctx.setLineDash([]);
    }
    const started = measuring.current;
    if (started !== null) {
      measuring.current = null;
      requestAnimationFrame(() =>
        setTimeout(() => {
          performance.measure('seatmap-render', { start: started });
          setRenderMs(Math.round(performance.now() - started));
        }, 0),
      );
    }
  }, [layout, view, selected, cursor, pitch, r]);

  const schedule = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(draw);
  }, [draw]);

  // The first drawing of a layout is measured, up to the paint after it (the 20,000-seat check reads it).
  useLayoutEffect(() => {
    measuring.current = performance.now();
    setView(home);
    setCursor(-1);
  }, [layout, home]);

  useEffect(() => {
    schedule();
  }, [schedule]);

  useEffect(() => {
    const resized = () => schedule();
    window.addEventListener('resize', resized);
    return () => window.removeEventListener('resize', resized);
  }, [schedule]);

  useImperativeHandle(handle, () => ({
    repaint() {
      setRepaints((n) => n + 1); // the announcement below reads the new state
      schedule();
    },
  }));

  const toPoint = (clientX: number, clientY: number) => {
    const canvas = canvasRef.current!;
    const rect = canvas.getBoundingClientRect();
    const t = fit(view, rect.width, rect.height);
    return { x: (clientX - rect.left - t.dx) / t.scale, y: (clientY - rect.top - t.dy) / t.scale };
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
        className="seatmap-canvas"
        tabIndex={0}
        role="application"
        aria-roledescription="seat map"
        aria-label={`${label}. Arrow keys move between seats, Enter or Space chooses, plus and minus zoom.`}
        aria-describedby="seatmap-legend"
        onKeyDown={onKeyDown}
        onFocus={() => cursor < 0 && layout.count > 0 && moveCursor(layout.move(-1, 'home'))}
      >
        <canvas
          ref={canvasRef}
          aria-hidden="true"
          data-seats={layout.count}
          data-view={`${view.x.toFixed(1)} ${view.y.toFixed(1)} ${view.w.toFixed(1)} ${view.h.toFixed(1)}`}
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
              const rect = canvasRef.current!.getBoundingClientRect();
              const scale = fit(d.view, rect.width, rect.height).scale;
              setView({ ...d.view, x: d.view.x - dx / scale, y: d.view.y - dy / scale });
            }
          }}
          onPointerUp={(e) => {
            const d = drag.current;
            drag.current = null;
            if (d && !d.moved) {
              const point = toPoint(e.clientX, e.clientY);
              const index = layout.seatAt(point.x, point.y, r * 1.5);
              if (index >= 0) {
                setCursor(index);
                onCursor?.(index);
                toggle(index);
              }
            }
          }}
        />
      </div>
      <p className="seatmap-current" aria-live="polite">
        {described ? `Seat ${layout.ids[cursor]}: ${described}` : 'Focus the map and use the arrow keys, or click a seat.'}
      </p>
      <Legend layout={layout} />
    </div>
  );
}

function Swatch({ look, square }: { look: string; square?: boolean }) {
  return <span aria-hidden="true" className={`swatch ${look}${square ? ' square' : ''}`} />;
}

export function Legend({ layout }: { layout: SeatLayout }) {
  const counts = layout.counts();
  return (
    <div id="seatmap-legend" className="seatmap-legend">
      <ul aria-label="Seat states">
        <li><Swatch look="free" /> Free: solid colour of its category ({counts.F})</li>
        <li><Swatch look="chosen" /> Your choice: black with a yellow ring</li>
        <li><Swatch look="held" /> Held: striped ({counts.H})</li>
        <li><Swatch look="sold" /> Sold: dark and crossed ({counts.S})</li>
        <li><Swatch look="blocked" /> Blocked: dotted grey ({counts.B})</li>
        <li><Swatch look="free" square /> Square: accessible seat</li>
      </ul>
      <ul aria-label="Categories">
        {layout.categories.map((name, i) => (
          <li key={name}>
            <span aria-hidden="true" className="swatch" style={{ background: CATEGORY_COLOURS[i % CATEGORY_COLOURS.length] }} /> {name}
          </li>
        ))}
      </ul>
    </div>
  );
}
