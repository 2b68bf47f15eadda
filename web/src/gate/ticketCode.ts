// Offline check of a ticket code (API.md "Tickets and validation"): base64url parts joined by '.', the last an
// Ed25519 signature over the ASCII text before the last '.', the second the key id. The other parts (ticket,
// event, ...) are left to the server, which decides everything else online.
import type { Jwk, JwkSet } from '../api/types';

export interface ParsedCode {
  signedText: string;
  keyId: string;
  signature: Uint8Array;
}

const PART = /^[A-Za-z0-9_-]+$/;

export function fromBase64Url(text: string): Uint8Array {
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
}

/** The code's parts, or null when it cannot be a ticket code at all (too short, too long, not base64url). */
export function parseCode(code: string): ParsedCode | null {
  const text = code.trim();
  if (text.length > 200 || !/^[\x21-\x7e]+$/.test(text)) {
    return null;
  }
  const parts = text.split('.');
  if (parts.length < 3 || !parts.every((p) => PART.test(p))) {
    return null;
  }
  const signature = fromBase64Url(parts[parts.length - 1]);
  if (signature.length !== 64) {
    return null;
  }
  return { signedText: text.slice(0, text.lastIndexOf('.')), keyId: parts[1], signature };
}

export type OfflineVerdict = 'signature-ok' | 'invalid' | 'unknown-key';

function ed25519Key(jwks: JwkSet, keyId: string): Jwk | undefined {
  return jwks.keys.find((k) => k.kid === keyId && k.kty === 'OKP' && k.crv === 'Ed25519' && typeof k.x === 'string');
}

/** Verifies the signature with WebCrypto against the JWK Set; "unknown-key" when the set lacks the key id. */
export async function verifyOffline(code: string, jwks: JwkSet, subtle: SubtleCrypto = crypto.subtle): Promise<OfflineVerdict> {
  const parsed = parseCode(code);
  if (!parsed) {
    return 'invalid';
  }
  const jwk = ed25519Key(jwks, parsed.keyId);
  if (!jwk) {
    return 'unknown-key';
  }
  try {
    const key = await subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, { name: 'Ed25519' }, false, [
      'verify',
    ]);
    const ok = await subtle.verify(
      { name: 'Ed25519' },
      key,
      parsed.signature as BufferSource,
      new TextEncoder().encode(parsed.signedText) as BufferSource,
    );
    return ok ? 'signature-ok' : 'invalid';
  } catch {
    return 'invalid';
  }
}
