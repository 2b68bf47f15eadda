import { useState } from 'react';
import { navigate, routeQuery, useRoute, useServices } from '../context';
import { beginHostedSignIn, localSignIn } from '../auth/session';
import { ProblemMessage } from '../components/ProblemMessage';

const NAME = /^[A-Za-z0-9_.@-]{1,64}$/;

export function SignInPage() {
  const { config, api } = useServices();
  const query = routeQuery(useRoute());
  const returnTo = query.get('next') ?? '/';
  const [name, setName] = useState('');
  const [role, setRole] = useState<'buyer' | 'organizer' | 'staff'>('buyer');
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(query.get('error'));
  const [busy, setBusy] = useState(false);

  if (config.auth.mode === 'cognito') {
    return (
      <>
        <h1>Sign in</h1>
        <ProblemMessage error={error} />
        <p>You sign in on the TicketHub account page and come straight back here.</p>
        <button type="button" className="primary" onClick={() => beginHostedSignIn(config, `#${returnTo}`).catch(setError)}>
          Sign in or create an account
        </button>
      </>
    );
  }

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!NAME.test(trimmed)) {
      setNameError(trimmed ? 'Use 1 to 64 letters, digits or . _ @ - (no spaces).' : 'Enter a name to sign in with.');
      return;
    }
    setNameError(null);
    setBusy(true);
    try {
      await localSignIn(api, trimmed, role);
      navigate(returnTo);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Sign in</h1>
      <p className="notice">
        Developer sign-in of the local server: any name, with the role you choose. In AWS this page sends you to the
        Cognito sign-in instead.
      </p>
      <ProblemMessage error={error} />
      <form onSubmit={submit} noValidate aria-label="Developer sign-in">
        <div className="field">
          <label htmlFor="signin-name">Name</label>
          <input
            id="signin-name"
            name="name"
            autoComplete="username"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? 'signin-name-error' : 'signin-name-hint'}
          />
          <p className="hint" id="signin-name-hint">It becomes your user id (the token's sub).</p>
          {nameError && <p className="error" id="signin-name-error" role="alert">{nameError}</p>}
        </div>
        <fieldset>
          <legend>Role</legend>
          {(
            [
              ['buyer', 'Buyer'],
              ['organizer', 'Organizer'],
              ['staff', 'Gate staff'],
            ] as const
          ).map(([value, label]) => (
            <div key={value}>
              <input type="radio" id={`role-${value}`} name="role" value={value} checked={role === value} onChange={() => setRole(value)} />{' '}
              <label htmlFor={`role-${value}`} style={{ display: 'inline' }}>{label}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>Sign in</button>
      </form>
    </>
  );
}
