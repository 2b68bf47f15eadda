// Helpers that write the compact row format (API.md "Seated events") for the organizer's form and for the
// arena fixture: they only produce a layout; the server validates it.
import type { Seating, SeatRow, SeatSection } from '../api/types';

export interface Block {
  id: string;
  name?: string;
  rows: number;
  seatsPerRow: number;
  category: string;
  x: number;
  y: number;
  spacing?: number;
}

/** A rectangular block of rows facing the focus above it, numbered from the front. */
export function block(b: Block): SeatSection {
  const spacing = b.spacing ?? 20;
  const rows: SeatRow[] = [];
  for (let r = 0; r < b.rows; r++) {
    rows.push({
      id: String(r + 1),
      x: b.x,
      y: b.y + r * spacing,
      dx: spacing,
      dy: 0,
      seats: b.seatsPerRow,
      category: b.category,
      ...(r === 0 ? { accessible: [1, 2].filter((n) => n <= b.seatsPerRow) } : {}),
    });
  }
  return { id: b.id, name: b.name ?? b.id, rows };
}

/**
 * An arena: {@code sections} wedges around a central stage, each with {@code rows} straight rows of
 * {@code seatsPerRow} seats (20 x 20 x 50 = 20,000 seats). Coordinates and steps are whole numbers, as the
 * contract asks: a seat is 100 units wide, so rounding a row's step turns it by a fraction of a degree.
 */
export function arena(sections: number, rows: number, seatsPerRow: number, categories = ['Floor', 'Lower', 'Upper']): Seating {
  const focus = { x: 0, y: 0 };
  const result: SeatSection[] = [];
  const pitch = 100;
  // The front row's circle must hold every section's front row side by side, with an aisle between.
  const inner = (sections * seatsPerRow * pitch * 1.15) / (2 * Math.PI);
  for (let s = 0; s < sections; s++) {
    const angle = (2 * Math.PI * (s + 0.5)) / sections;
    const radial = { x: Math.cos(angle), y: Math.sin(angle) };
    const step = { x: Math.round(-radial.y * pitch), y: Math.round(radial.x * pitch) };
    const sectionRows: SeatRow[] = [];
    for (let r = 0; r < rows; r++) {
      const distance = inner + r * pitch * 1.2;
      // Centred on the wedge's axis with the rounded step, so rounding never pushes a row off its place.
      const half = (seatsPerRow - 1) / 2;
      sectionRows.push({
        id: String(r + 1),
        x: Math.round(focus.x + radial.x * distance - step.x * half),
        y: Math.round(focus.y + radial.y * distance - step.y * half),
        dx: step.x,
        dy: step.y,
        seats: seatsPerRow,
        category: categories[Math.min(categories.length - 1, Math.floor((r * categories.length) / rows))],
      });
    }
    result.push({ id: `S${s + 1}`, name: `Section ${s + 1}`, rows: sectionRows });
  }
  return { focus, sections: result };
}
