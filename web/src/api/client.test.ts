import { describe, expect, it } from 'vitest';
import { Api, ApiError, CheckoutAttempt, problemOf } from './client';
import type { AppConfig, PurchaseRequest } from './types';

const config: AppConfig = { apiUrl: 'https://api.example', wsUrl: null, auth: { mode: 'local' }, payments: { mode: 'local' } };
const request: PurchaseRequest = { eventId: 'e1', items: [{ ticketTypeId: 't1', quantity: 2 }] };

/** Records what the client puts on the wire and answers with the given response. */
function recording(answer: () => Response) {
  const sent: { url: string; init: RequestInit }[] = [];
  const fetcher = (async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return answer();
  }) as unknown as typeof fetch;
  return { sent, fetcher };
}

describe('CheckoutAttempt', () => {
  it('keeps its Idempotency-Key for a retry of the same request', () => {
    const attempt = new CheckoutAttempt(request);
    expect(attempt.for({ ...request, items: [{ ticketTypeId: 't1', quantity: 2 }] })).toBe(attempt);
  });

  it('gets a new key when the selection changes', () => {
    const attempt = new CheckoutAttempt(request);
    const other = attempt.for({ ...request, items: [{ ticketTypeId: 't1', quantity: 3 }] });
    expect(other).not.toBe(attempt);
    expect(other.key).not.toEqual(attempt.key);
  });
});

describe('Api', () => {
  it('sends a purchase with its attempt key, bearer token and JSON body', async () => {
    const { sent, fetcher } = recording(() => new Response('{"orderId":"o1"}', { status: 201 }));
    const api = new Api(config, () => 'tok', fetcher);
    const attempt = new CheckoutAttempt(request, 'key-1');

    await api.purchase(attempt);
    await api.purchase(attempt);

    expect(sent.map((s) => (s.init.headers as Record<string, string>)['Idempotency-Key'])).toEqual(['key-1', 'key-1']);
    expect((sent[0].init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(sent[0].url).toBe('https://api.example/tickets/purchase');
    expect(JSON.parse(String(sent[0].init.body))).toEqual(request);
  });

  it('percent-encodes the cursor and leaves out empty parameters', async () => {
    const { sent, fetcher } = recording(() => new Response('{"events":[],"nextCursor":null}'));
    await new Api(config, () => null, fetcher).listEvents({ limit: 5, cursor: 'a+b/c.d=', from: undefined });
    expect(sent[0].url).toBe('https://api.example/events?limit=5&cursor=a%2Bb%2Fc.d%3D');
  });

  it('turns problem+json into an ApiError with code, detail and field', async () => {
    const body = { type: 'x', title: 'Invalid request', status: 400, code: 'invalid_request', detail: 'name: is required', field: 'name' };
    const { fetcher } = recording(() => new Response(JSON.stringify(body), { status: 400, headers: { 'Content-Type': 'application/problem+json' } }));
    const error = await new Api(config, () => 't', fetcher).getEvent('e1').catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.code, error.field, error.detail]).toEqual([400, 'invalid_request', 'name', 'name: is required']);
    expect(error.retryable).toBe(false);
  });

  it('returns the gate results that come as problems as answers', async () => {
    const body = { status: 409, code: 'already_used', result: 'ALREADY_USED', checkedInAt: '2027-01-01T00:00:00Z', gate: 'North' };
    const { fetcher } = recording(() => new Response(JSON.stringify(body), { status: 409 }));
    const answer = await new Api(config, () => 't', fetcher).validate('c', 'e', 'North');
    expect(answer.result).toBe('ALREADY_USED');
    expect(answer.gate).toBe('North');
  });

  it('marks network failures, outages and in-progress requests as retryable', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const error = await new Api(config, () => null, failing).getEvent('e').catch((e) => e);
    expect(error.code).toBe('network');
    expect(error.retryable).toBe(true);
    expect(new ApiError({ status: 503, code: 'payment_unavailable' }).retryable).toBe(true);
    expect(new ApiError({ status: 409, code: 'request_in_progress' }).retryable).toBe(true);
    expect(new ApiError({ status: 409, code: 'sold_out' }).retryable).toBe(false);
  });
});

describe('problemOf', () => {
  it("reads API Gateway's own 401 body", async () => {
    const problem = await problemOf(new Response('{"message":"Unauthorized"}', { status: 401 }));
    expect(problem).toMatchObject({ status: 401, code: 'unauthorized', detail: 'Unauthorized' });
  });
});
