// The app's shared pieces: configuration, the API client, the live feed, the session, and the hash router.
// Hash routes (#/events/...) keep every page's URL apart from the API's paths on the same origin.
import { createContext, useContext, useEffect, useState } from 'react';
import { Api } from './api/client';
import { LiveFeed } from './api/live';
import type { AppConfig } from './api/types';
import { currentSession, onSessionChange, type Session } from './auth/session';

export interface AppServices {
  config: AppConfig;
  api: Api;
  live: LiveFeed;
}

export const Services = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(Services);
  if (!services) {
    throw new Error('No services');
  }
  return services;
}

export function createServices(config: AppConfig): AppServices {
  const api = new Api(config, () => currentSession()?.token ?? null);
  return { config, api, live: new LiveFeed(api, config.wsUrl) };
}

export function useSession(): Session | null {
  const [session, setSession] = useState(currentSession);
  useEffect(() => onSessionChange(setSession), []);
  return session;
}

export function useRoute(): string {
  const read = () => window.location.hash.replace(/^#/, '') || '/';
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const changed = () => setRoute(read());
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
}

export function navigate(route: string): void {
  window.location.hash = route;
}

/** A route pattern such as "/events/:id" matched against a route; the parameters, or null. */
export function match(pattern: string, route: string): Record<string, string> | null {
  const path = route.split('?')[0];
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) {
    return null;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      params[want[i].slice(1)] = decodeURIComponent(got[i]);
    } else if (want[i] !== got[i]) {
      return null;
    }
  }
  return params;
}

export function routeQuery(route: string): URLSearchParams {
  return new URLSearchParams(route.split('?')[1] ?? '');
}
