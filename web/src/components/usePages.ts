import { useEffect, useState } from 'react';

/** One page of a list of the API: its items and the cursor of the next page (null on the last). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A paged list: the items loaded so far, and `more` to load the next page (null when there is none). */
export interface Pages<T> {
  items: T[];
  loaded: boolean;
  error: unknown;
  more: (() => void) | null;
}

/** Loads the first page once per key (when `enabled`), then the next pages on demand. */
export function usePages<T>(page: (cursor: string | null) => Promise<Page<T>>, keys: unknown[], enabled = true): Pages<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = async (after: string | null) => {
    try {
      const next = await page(after);
      setItems((list) => (after ? [...list, ...next.items] : next.items));
      setCursor(next.nextCursor);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoaded(true);
    }
  };

  useEffect(() => {
    if (enabled) void load(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, keys);

  return { items, loaded, error, more: cursor ? () => void load(cursor) : null };
}
