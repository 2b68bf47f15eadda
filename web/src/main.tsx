import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createServices, Services } from './context';
import type { AppConfig } from './api/types';
import { completeHostedSignIn } from './auth/session';
import './styles.css';

async function start() {
  const root = createRoot(document.getElementById('root')!);
  let config: AppConfig;
  try {
    const response = await fetch('/config.json', { cache: 'no-store' });
    config = await response.json();
  } catch {
    root.render(<p role="alert">TicketHub cannot start: /config.json is missing or unreadable.</p>);
    return;
  }
  // Back from the Cognito Hosted UI with ?code=&state=: trade the code, then drop it from the address.
  const search = new URLSearchParams(window.location.search);
  if (search.has('code')) {
    try {
      const back = await completeHostedSignIn(config, search);
      window.history.replaceState(null, '', `${window.location.pathname}${back ?? '#/'}`);
    } catch (e) {
      window.history.replaceState(null, '', `${window.location.pathname}#/signin?error=${encodeURIComponent(String(e))}`);
    }
  }
  root.render(
    <Services.Provider value={createServices(config)}>
      <App />
    </Services.Provider>,
  );
}

void start();
