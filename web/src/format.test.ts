import { describe, expect, it } from 'vitest';
import { countdown, money, parsePrice } from './format';
import { match } from './context';

describe('format', () => {
  it('writes money from minor units', () => {
    expect(money(2500, 'EUR')).toBe('€25.00');
  });

  it('counts down to an instant and stops at zero', () => {
    const now = Date.parse('2027-01-01T00:00:00Z');
    expect(countdown('2027-01-01T00:09:05Z', now)).toBe('9:05');
    expect(countdown('2026-12-31T23:00:00Z', now)).toBe('0:00');
  });

  it('reads prices typed by people, refusing what is not one', () => {
    expect(parsePrice('25')).toBe(2500);
    expect(parsePrice('25,5')).toBe(2550);
    expect(parsePrice('0.99')).toBe(99);
    for (const bad of ['', '-1', '1.234', 'ten', '1e3']) {
      expect(parsePrice(bad), bad).toBeNull();
    }
  });
});

describe('match', () => {
  it('takes parameters from a hash route', () => {
    expect(match('/events/:id', '/events/abc%20d')).toEqual({ id: 'abc d' });
    expect(match('/events/:id', '/events/abc/x')).toBeNull();
    expect(match('/checkout/:orderId', '/checkout/o1?x=1')).toEqual({ orderId: 'o1' });
  });
});
