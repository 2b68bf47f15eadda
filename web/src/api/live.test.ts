import { afterEach, describe, expect, it, vi } from 'vitest';
import { Api } from './client';
import { decide, LiveFeed, type LiveUpdate } from './live';
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

describe('LiveFeed without a WebSocket', () => {
  afterEach(() => vi.useRealTimers());

  it('polls the seat map and passes on a version only once, skipping the event read while it stays', async () => {
    vi.useFakeTimers();
    const versions = [3, 3, 4];
    const paths: string[] = [];
    const fetcher = (async (url: string) => {
      const path = new URL(url).pathname;
      paths.push(path);
      const body = path.endsWith('/seats')
        ? { version: versions.shift(), sections: [] }
        : { eventId: 'e1', ticketTypes: [{ ticketTypeId: 't1', available: 9 }] };
      return new Response(JSON.stringify(body));
    }) as unknown as typeof fetch;
    const api = new Api({ apiUrl: 'https://api.example', wsUrl: null, auth: { mode: 'local' }, payments: { mode: 'local' } }, () => null, fetcher);
    const updates: LiveUpdate[] = [];

    const stop = new LiveFeed(api, null).watch('e1', (u) => updates.push(u), true);
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(LiveFeed.POLL_MILLIS);
    }
    stop();

    expect(updates.map((u) => [u.version, u.available.t1])).toEqual([[3, 9], [4, 9]]);
    expect(paths).toEqual(['/events/e1/seats', '/events/e1', '/events/e1/seats', '/events/e1/seats', '/events/e1']);
  });
});
