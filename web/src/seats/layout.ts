// A seat map expanded from its rows (API.md "Seated events") into flat arrays, so that a 20,000-seat arena
// is drawn, updated and walked by keyboard without an object per seat.
import type { SeatMapResponse, SeatSection, SeatState } from '../api/types';

export const STATE_NAMES: Record<SeatState, string> = { F: 'free', H: 'held', S: 'sold', B: 'blocked' };

export interface RowInfo {
  section: string;
  sectionName: string;
  id: string;
  category: number;
  /** Seat indices [start, end) of this row, in number order. */
  start: number;
  end: number;
}

export type Direction = 'left' | 'right' | 'up' | 'down' | 'home' | 'end';

export class SeatLayout {
  readonly count: number;
  readonly ids: string[];
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly numbers: Uint16Array;
  readonly rowOf: Uint32Array;
  readonly accessible: Uint8Array;
  readonly states: SeatState[];
  readonly rows: RowInfo[];
  readonly categories: string[];
  readonly focus: { x: number; y: number };
  readonly bounds: { minX: number; minY: number; maxX: number; maxY: number };
  version: number;
  private readonly index: Map<string, number>;

  private constructor(sections: SeatSection[], focus: { x: number; y: number } | undefined, version: number) {
    let total = 0;
    for (const section of sections) {
      for (const row of section.rows) {
        total += row.seats - (row.skip?.length ?? 0);
      }
    }
    this.count = total;
    this.ids = new Array(total);
    this.x = new Float64Array(total);
    this.y = new Float64Array(total);
    this.numbers = new Uint16Array(total);
    this.rowOf = new Uint32Array(total);
    this.accessible = new Uint8Array(total);
    this.states = new Array(total);
    this.rows = [];
    this.categories = [];
    this.index = new Map();
    this.version = version;
    const categoryIndex = new Map<string, number>();
    let i = 0;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const section of sections) {
      for (const row of section.rows) {
        let category = categoryIndex.get(row.category);
        if (category === undefined) {
          category = this.categories.length;
          categoryIndex.set(row.category, category);
          this.categories.push(row.category);
        }
        const skip = new Set(row.skip ?? []);
        const accessible = new Set(row.accessible ?? []);
        const info: RowInfo = {
          section: section.id,
          sectionName: section.name ?? `Section ${section.id}`,
          id: row.id,
          category,
          start: i,
          end: i,
        };
        let existing = 0;
        for (let number = 1; number <= row.seats; number++) {
          if (skip.has(number)) {
            continue;
          }
          const id = `${section.id}-${row.id}-${number}`;
          const sx = row.x + (number - 1) * row.dx;
          const sy = row.y + (number - 1) * row.dy;
          this.ids[i] = id;
          this.x[i] = sx;
          this.y[i] = sy;
          this.numbers[i] = number;
          this.rowOf[i] = this.rows.length;
          this.accessible[i] = accessible.has(number) ? 1 : 0;
          const state = row.state?.charAt(existing) as SeatState | undefined;
          this.states[i] = state && state in STATE_NAMES ? state : 'F';
          this.index.set(id, i);
          minX = Math.min(minX, sx);
          minY = Math.min(minY, sy);
          maxX = Math.max(maxX, sx);
          maxY = Math.max(maxY, sy);
          existing++;
          i++;
        }
        info.end = i;
        this.rows.push(info);
      }
    }
    this.focus = focus ?? { x: (minX + maxX) / 2, y: minY };
    if (total === 0) {
      minX = minY = 0;
      maxX = maxY = 100;
    }
    this.bounds = {
      minX: Math.min(minX, this.focus.x),
      minY: Math.min(minY, this.focus.y),
      maxX: Math.max(maxX, this.focus.x),
      maxY: Math.max(maxY, this.focus.y),
    };
  }

  static fromSeating(seating: { focus?: { x: number; y: number }; sections: SeatSection[] }, version = 0): SeatLayout {
    return new SeatLayout(seating.sections, seating.focus, version);
  }

  static fromResponse(response: SeatMapResponse, focus?: { x: number; y: number }): SeatLayout {
    return new SeatLayout(response.sections, response.focus ?? focus, response.version);
  }

  indexOf(id: string): number {
    return this.index.get(id) ?? -1;
  }

  /** Sets a seat's state; the seat's index, or -1 for an id this map does not have. */
  setState(id: string, state: SeatState): number {
    const i = this.indexOf(id);
    if (i >= 0) {
      this.states[i] = state;
    }
    return i;
  }

  /** Takes every seat's state from a full seat map (a snapshot); the indices whose state changed. */
  applyStates(response: SeatMapResponse): number[] {
    const changed: number[] = [];
    for (const section of response.sections) {
      for (const row of section.rows) {
        if (!row.state) {
          continue;
        }
        let existing = 0;
        const skip = new Set(row.skip ?? []);
        for (let number = 1; number <= row.seats; number++) {
          if (skip.has(number)) {
            continue;
          }
          const i = this.indexOf(`${section.id}-${row.id}-${number}`);
          const state = row.state.charAt(existing++) as SeatState;
          if (i >= 0 && state in STATE_NAMES && this.states[i] !== state) {
            this.states[i] = state;
            changed.push(i);
          }
        }
      }
    }
    this.version = Math.max(this.version, response.version);
    return changed;
  }

  /** Counts of each state, for the legend. */
  counts(): Record<SeatState, number> {
    const counts: Record<SeatState, number> = { F: 0, H: 0, S: 0, B: 0 };
    for (const s of this.states) {
      counts[s]++;
    }
    return counts;
  }

  describe(i: number, selected = false): string {
    const row = this.rows[this.rowOf[i]];
    const parts = [
      `${row.sectionName}, row ${row.id}, seat ${this.numbers[i]}`,
      this.categories[row.category],
      STATE_NAMES[this.states[i]],
    ];
    if (this.accessible[i]) {
      parts.push('accessible');
    }
    if (selected) {
      parts.push('selected');
    }
    return parts.join(', ');
  }

  /** Keyboard movement: along the row, or to the nearest seat of the row before or after (across sections). */
  move(i: number, direction: Direction): number {
    if (this.count === 0) {
      return -1;
    }
    if (i < 0) {
      return 0;
    }
    const row = this.rows[this.rowOf[i]];
    switch (direction) {
      case 'left':
        return i > row.start ? i - 1 : i;
      case 'right':
        return i < row.end - 1 ? i + 1 : i;
      case 'home':
        return row.start;
      case 'end':
        return row.end - 1;
      case 'up':
      case 'down': {
        const step = direction === 'up' ? -1 : 1;
        for (let r = this.rowOf[i] + step; r >= 0 && r < this.rows.length; r += step) {
          const target = this.rows[r];
          if (target.end > target.start) {
            return this.nearestIn(target, this.x[i], this.y[i]);
          }
        }
        return i;
      }
    }
  }

  private nearestIn(row: RowInfo, x: number, y: number): number {
    let best = row.start;
    let bestDistance = Infinity;
    for (let j = row.start; j < row.end; j++) {
      const d = (this.x[j] - x) ** 2 + (this.y[j] - y) ** 2;
      if (d < bestDistance) {
        bestDistance = d;
        best = j;
      }
    }
    return best;
  }

  /** The seat nearest a point of the map (a click between seats), within {@code radius}. */
  seatAt(x: number, y: number, radius: number): number {
    let best = -1;
    let bestDistance = radius * radius;
    for (let j = 0; j < this.count; j++) {
      const d = (this.x[j] - x) ** 2 + (this.y[j] - y) ** 2;
      if (d <= bestDistance) {
        bestDistance = d;
        best = j;
      }
    }
    return best;
  }

  /** The typical distance between neighbouring seats: the drawing's seat size. */
  pitch(): number {
    for (const row of this.rows) {
      if (row.end - row.start >= 2) {
        const a = row.start;
        return Math.hypot(this.x[a + 1] - this.x[a], this.y[a + 1] - this.y[a]) / (this.numbers[a + 1] - this.numbers[a]);
      }
    }
    return 10;
  }
}
