import { describe, expect, it } from 'vitest';
import { arena, block } from './generate';

describe('generate', () => {
  it('writes a block as rows of the compact format, accessible seats in the front row', () => {
    const section = block({ id: 'A', rows: 3, seatsPerRow: 10, category: 'Stalls', x: 0, y: 100 });
    expect(section.rows.map((r) => [r.id, r.y, r.seats])).toEqual([['1', 100, 10], ['2', 120, 10], ['3', 140, 10]]);
    expect(section.rows[0].accessible).toEqual([1, 2]);
    expect(section.rows[1].accessible).toBeUndefined();
  });

  it('describes a 20,000-seat arena in under 64 KiB of JSON', () => {
    const seating = arena(20, 20, 50);
    const seats = seating.sections.flatMap((s) => s.rows).reduce((n, r) => n + r.seats, 0);
    expect(seats).toBe(20_000);
    expect(JSON.stringify(seating).length).toBeLessThan(64 * 1024);
  });

  it('writes whole-number coordinates and steps, as the contract asks', () => {
    const rows = arena(20, 20, 50).sections.flatMap((s) => s.rows);
    const numbers = rows.flatMap((r) => [r.x, r.y, r.dx, r.dy]);
    expect(numbers.every(Number.isInteger)).toBe(true);
    expect(rows.every((r) => r.dx !== 0 || r.dy !== 0)).toBe(true);
  });
});
