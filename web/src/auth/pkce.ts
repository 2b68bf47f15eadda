// The authorization-code flow with PKCE (RFC 7636) against the Cognito Hosted UI.

export function base64Url(bytes: Uint8Array): string {
  let text = '';
  bytes.forEach((b) => (text += String.fromCharCode(b)));
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function randomVerifier(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return base64Url(bytes);
}

/** S256: base64url(SHA-256(verifier)). */
export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

export interface HostedUi {
  domain: string;
  clientId: string;
  redirectUri: string;
  scopes?: string[];
}

export function authorizeUrl(ui: HostedUi, state: string, challenge: string): string {
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: ui.clientId,
    redirect_uri: ui.redirectUri,
    scope: (ui.scopes ?? ['openid', 'email', 'profile']).join(' '),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  return `${ui.domain.replace(/\/$/, '')}/oauth2/authorize?${params}`;
}

export function tokenRequestBody(ui: HostedUi, code: string, verifier: string): URLSearchParams {
  return new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: ui.clientId,
    code,
    redirect_uri: ui.redirectUri,
    code_verifier: verifier,
  });
}
