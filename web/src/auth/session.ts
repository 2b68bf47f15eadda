// Who is signed in on this tab. The token's claims are read only to label the page (name, which links to
// show); the server verifies the token and decides every permission.
import type { Api } from '../api/client';
import type { AppConfig } from '../api/types';
import { authorizeUrl, challengeOf, randomVerifier, tokenRequestBody, type HostedUi } from './pkce';

export interface Session {
  token: string;
  sub: string;
  name: string;
  groups: string[];
  expiresAt: number;
}

const KEY = 'tickethub.session';
const PKCE_KEY = 'tickethub.pkce';

export function claimsOf(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1] ?? '';
  const padded = part.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (part.length % 4)) % 4);
  try {
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(padded), (c) => c.charCodeAt(0))));
  } catch {
    return {};
  }
}

/** Groups as Cognito puts them in a token: a JSON array, or API Gateway's "[a b]" text. */
export function groupsOf(claim: unknown): string[] {
  if (Array.isArray(claim)) {
    return claim.map(String);
  }
  if (typeof claim === 'string') {
    return claim.replace(/[[\]"]/g, ' ').split(/[\s,]+/).filter(Boolean);
  }
  return [];
}

export function sessionOf(token: string, idToken?: string): Session {
  const claims = claimsOf(token);
  const id = idToken ? claimsOf(idToken) : claims;
  return {
    token,
    sub: String(claims.sub ?? ''),
    name: String(id.name ?? id.email ?? id['cognito:username'] ?? claims.username ?? claims.sub ?? ''),
    groups: groupsOf(claims['cognito:groups']),
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now() + 3600_000,
  };
}

type SessionListener = (session: Session | null) => void;
const listeners = new Set<SessionListener>();

export function currentSession(): Session | null {
  const stored = sessionStorage.getItem(KEY);
  if (!stored) {
    return null;
  }
  const session = JSON.parse(stored) as Session;
  return session.expiresAt > Date.now() ? session : null;
}

export function onSessionChange(listener: SessionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function save(session: Session | null): void {
  if (session) {
    sessionStorage.setItem(KEY, JSON.stringify(session));
  } else {
    sessionStorage.removeItem(KEY);
  }
  listeners.forEach((l) => l(session));
}

export function signOut(): void {
  save(null);
}

/** The local server's developer sign-in: a token for any name, as a buyer, organizer or gate staff. */
export async function localSignIn(api: Api, name: string, role: 'buyer' | 'organizer' | 'staff'): Promise<Session> {
  const { token } = await api.localToken(name, role === 'buyer' ? [] : [role]);
  const session = sessionOf(token);
  save(session);
  return session;
}

function hostedUi(config: AppConfig): HostedUi {
  if (config.auth.mode !== 'cognito') {
    throw new Error('Sign-in is not the Hosted UI here');
  }
  return config.auth;
}

/** Sends the browser to the Cognito Hosted UI (authorization code + PKCE). */
export async function beginHostedSignIn(config: AppConfig, returnTo: string): Promise<void> {
  const ui = hostedUi(config);
  const verifier = randomVerifier();
  const state = randomVerifier();
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state, returnTo }));
  window.location.assign(authorizeUrl(ui, state, await challengeOf(verifier)));
}

/** On return from the Hosted UI (?code=&state=): trades the code for tokens; the hash route to go back to. */
export async function completeHostedSignIn(config: AppConfig, search: URLSearchParams): Promise<string | null> {
  const code = search.get('code');
  const pending = sessionStorage.getItem(PKCE_KEY);
  if (!code || !pending || config.auth.mode !== 'cognito') {
    return null;
  }
  sessionStorage.removeItem(PKCE_KEY);
  const { verifier, state, returnTo } = JSON.parse(pending);
  if (search.get('state') !== state) {
    throw new Error('The sign-in answer does not belong to this tab (state mismatch)');
  }
  const ui = hostedUi(config);
  const response = await fetch(`${ui.domain.replace(/\/$/, '')}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: tokenRequestBody(ui, code, verifier),
  });
  if (!response.ok) {
    throw new Error(`Sign-in failed (${response.status})`);
  }
  const tokens = (await response.json()) as { access_token: string; id_token?: string };
  save(sessionOf(tokens.access_token, tokens.id_token));
  return returnTo ?? '#/';
}
