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
 * {@code seatsPerRow} seats (20 x 20 x 50 = 20,000 seats).
 */
export function arena(sections: number, rows: number, seatsPerRow: number, categories = ['Floor', 'Lower', 'Upper']): Seating {
  const focus = { x: 0, y: 0 };
  const result: SeatSection[] = [];
  const pitch = 10;
  // The front row's circle must hold every section's front row side by side, with an aisle between.
  const inner = (sections * seatsPerRow * pitch * 1.15) / (2 * Math.PI);
  for (let s = 0; s < sections; s++) {
    const angle = (2 * Math.PI * (s + 0.5)) / sections;
    const radial = { x: Math.cos(angle), y: Math.sin(angle) };
    const tangent = { x: -radial.y, y: radial.x };
    const sectionRows: SeatRow[] = [];
    for (let r = 0; r < rows; r++) {
      const distance = inner + r * pitch * 1.2;
      const width = (seatsPerRow - 1) * pitch;
      const start = {
        x: focus.x + radial.x * distance - (tangent.x * width) / 2,
        y: focus.y + radial.y * distance - (tangent.y * width) / 2,
      };
      sectionRows.push({
        id: String(r + 1),
        x: Math.round(start.x * 10) / 10,
        y: Math.round(start.y * 10) / 10,
        dx: Math.round(tangent.x * pitch * 100) / 100,
        dy: Math.round(tangent.y * pitch * 100) / 100,
        seats: seatsPerRow,
        category: categories[Math.min(categories.length - 1, Math.floor((r * categories.length) / rows))],
      });
    }
    result.push({ id: `S${s + 1}`, name: `Section ${s + 1}`, rows: sectionRows });
  }
  return { focus, sections: result };
}
