import { describe, expect, it } from 'vitest';
import { authorizeUrl, challengeOf, tokenRequestBody } from './pkce';
import { groupsOf, sessionOf } from './session';

const ui = { domain: 'https://th.auth.eu-west-1.amazoncognito.com', clientId: 'client1', redirectUri: 'https://app.example/' };

describe('PKCE', () => {
  it('computes the S256 challenge of RFC 7636, appendix B', async () => {
    expect(await challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('asks the Hosted UI for an authorization code with the challenge and state', () => {
    const url = new URL(authorizeUrl(ui, 'st', 'ch'));
    expect(url.origin + url.pathname).toBe('https://th.auth.eu-west-1.amazoncognito.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code', client_id: 'client1', redirect_uri: 'https://app.example/', state: 'st',
      code_challenge: 'ch', code_challenge_method: 'S256', scope: 'openid email profile',
    });
  });

  it('trades the code with its verifier', () => {
    expect(Object.fromEntries(tokenRequestBody(ui, 'code1', 'ver1'))).toEqual({
      grant_type: 'authorization_code', client_id: 'client1', code: 'code1', redirect_uri: 'https://app.example/', code_verifier: 'ver1',
    });
  });
});

describe('session', () => {
  it("reads groups as a JSON array or API Gateway's bracketed text", () => {
    expect(groupsOf(['organizer', 'staff'])).toEqual(['organizer', 'staff']);
    expect(groupsOf('[organizer staff]')).toEqual(['organizer', 'staff']);
    expect(groupsOf(undefined)).toEqual([]);
  });

  it('labels a session from the token claims', () => {
    const payload = Buffer.from(JSON.stringify({ sub: 'u1', 'cognito:groups': ['staff'], exp: 4102444800 })).toString('base64url');
    const session = sessionOf(`h.${payload}.s`);
    expect([session.sub, session.name, session.groups, session.expiresAt]).toEqual(['u1', 'u1', ['staff'], 4102444800000]);
  });
});
