import { describe, expect, it } from 'vitest';
import { decide } from './live';
import type { LiveMessage } from './types';

const changes = (fromVersion: number, version: number): LiveMessage => ({
  type: 'changes', eventId: 'e', fromVersion, version, ticketTypes: [], seats: {},
});
const snapshot = (version: number): LiveMessage => ({ type: 'snapshot', eventId: 'e', version, ticketTypes: [], seats: null });

describe('decide', () => {
  it('applies the first snapshot and a newer one', () => {
    expect(decide(null, snapshot(3))).toBe('apply');
    expect(decide(3, snapshot(7))).toBe('apply');
  });

  it('ignores messages whose version is not above its own', () => {
    expect(decide(7, snapshot(7))).toBe('ignore');
    expect(decide(7, changes(5, 7))).toBe('ignore');
    expect(decide(7, changes(2, 6))).toBe('ignore');
  });

  it('applies changes that continue or overlap its version', () => {
    expect(decide(7, changes(7, 9))).toBe('apply');
    expect(decide(7, changes(6, 9))).toBe('apply');
  });

  it('subscribes again when changes start past its version (it missed some)', () => {
    expect(decide(7, changes(8, 9))).toBe('resubscribe');
  });

  it('waits for the snapshot before any changes', () => {
    expect(decide(null, changes(1, 2))).toBe('ignore');
  });
});
