import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCode, verifyOffline } from './ticketCode';
import type { JwkSet } from '../api/types';

// A code signed by the server's Java signer, with its JWK Set (shared-lib's fixture).
const code = readFileSync(new URL('./fixtures/sample-code.txt', import.meta.url), 'utf8').trim();
const jwks: JwkSet = JSON.parse(readFileSync(new URL('./fixtures/sample-jwks.json', import.meta.url), 'utf8'));

function flip(text: string, at: number): string {
  const c = text[at] === 'A' ? 'B' : 'A';
  return text.slice(0, at) + c + text.slice(at + 1);
}

describe('parseCode', () => {
  it('takes the key id from the second part and signs the text before the last dot', () => {
    const parsed = parseCode(code)!;
    expect(parsed.keyId).toBe('sample01');
    expect(parsed.signedText).toBe(code.slice(0, code.lastIndexOf('.')));
    expect(parsed.signature.length).toBe(64);
  });

  it('refuses what cannot be a code', () => {
    for (const bad of ['', 'hello', 'a.b', 'TH1.k.!!.sig', code + '.', 'x'.repeat(300)]) {
      expect(parseCode(bad), bad).toBeNull();
    }
  });
});

describe('verifyOffline', () => {
  it("accepts the server's signature with the key from the JWK Set", async () => {
    expect(await verifyOffline(code, jwks)).toBe('signature-ok');
  });

  it('rejects a code with any signed character changed', async () => {
    expect(await verifyOffline(flip(code, 20), jwks)).toBe('invalid');
    expect(await verifyOffline(flip(code, code.length - 3), jwks)).toBe('invalid');
  });

  it('tells an unknown key id apart, so the scanner can fetch the keys again', async () => {
    expect(await verifyOffline(code.replace('sample01', 'sample02'), jwks)).toBe('unknown-key');
  });

  it('verifies codes whose middle parts are laid out differently', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const text = 'TH2.k2.AQID.BAUG.BwgJ';
    const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, new TextEncoder().encode(text)));
    const b64 = Buffer.from(signature).toString('base64url');
    const keys: JwkSet = { keys: [{ kty: 'OKP', crv: 'Ed25519', kid: 'k2', x: jwk.x }] };
    expect(await verifyOffline(`${text}.${b64}`, keys)).toBe('signature-ok');
  });
});
