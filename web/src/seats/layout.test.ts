import { describe, expect, it } from 'vitest';
import { SeatLayout } from './layout';
import { arena } from './generate';
import type { SeatMapResponse } from '../api/types';

const map: SeatMapResponse = {
  version: 42,
  sections: [
    {
      id: 'A',
      rows: [
        { id: '1', x: 100, y: 100, dx: 20, dy: 0, seats: 5, category: 'Premium', skip: [3], accessible: [1], state: 'FHSB' },
        { id: '2', x: 100, y: 130, dx: 20, dy: 0, seats: 4, category: 'Standard', state: 'FFFF' },
      ],
    },
  ],
};

describe('SeatLayout', () => {
  it('expands rows into seats numbered from 1, leaving out skipped numbers', () => {
    const layout = SeatLayout.fromResponse(map);
    expect(layout.count).toBe(8);
    expect(layout.ids.slice(0, 4)).toEqual(['A-1-1', 'A-1-2', 'A-1-4', 'A-1-5']);
    expect([layout.x[2], layout.y[2]]).toEqual([160, 100]);
    expect(layout.version).toBe(42);
  });

  it('reads one state character per existing seat in number order', () => {
    const layout = SeatLayout.fromResponse(map);
    expect(layout.states.slice(0, 4)).toEqual(['F', 'H', 'S', 'B']);
    expect(layout.counts()).toEqual({ F: 5, H: 1, S: 1, B: 1 });
  });

  it('describes a seat in words: place, category, state, accessible, selected', () => {
    const layout = SeatLayout.fromResponse(map);
    expect(layout.describe(0, true)).toBe('Section A, row 1, seat 1, Premium, free, accessible, selected');
    expect(layout.describe(1)).toBe('Section A, row 1, seat 2, Premium, held');
  });

  it('applies a change by seat id and ignores ids it does not have', () => {
    const layout = SeatLayout.fromResponse(map);
    expect(layout.setState('A-2-4', 'H')).toBe(7);
    expect(layout.states[7]).toBe('H');
    expect(layout.setState('A-1-3', 'S')).toBe(-1);
  });

  it('takes a snapshot and tells which seats changed', () => {
    const layout = SeatLayout.fromResponse(map);
    const next = structuredClone(map);
    next.version = 50;
    next.sections[0].rows[1].state = 'FSFF';
    expect(layout.applyStates(next)).toEqual([5]);
    expect(layout.states[5]).toBe('S');
    expect(layout.version).toBe(50);
  });

  it('moves along a row and stops at its ends', () => {
    const layout = SeatLayout.fromResponse(map);
    expect(layout.move(0, 'left')).toBe(0);
    expect(layout.move(0, 'right')).toBe(1);
    expect(layout.move(3, 'right')).toBe(3);
    expect(layout.move(1, 'end')).toBe(3);
  });

  it('moves up and down to the nearest seat of the neighbouring row', () => {
    const layout = SeatLayout.fromResponse(map);
    const a14 = layout.indexOf('A-1-4');
    expect(layout.ids[layout.move(a14, 'down')]).toBe('A-2-4');
    expect(layout.ids[layout.move(layout.indexOf('A-2-3'), 'up')]).toBe('A-1-2');
    expect(layout.move(0, 'up')).toBe(0);
  });

  it('finds the seat under a click within the radius', () => {
    const layout = SeatLayout.fromResponse(map);
    expect(layout.ids[layout.seatAt(121, 99, 8)]).toBe('A-1-2');
    expect(layout.seatAt(140, 100, 5)).toBe(-1);
  });

  it('expands a 20,000-seat arena', () => {
    const layout = SeatLayout.fromSeating(arena(20, 20, 50));
    expect(layout.count).toBe(20_000);
    expect(new Set(layout.ids).size).toBe(20_000);
    expect(Math.abs(layout.pitch() - 100)).toBeLessThan(1);
  });
});
