import { lazy, Suspense, useEffect, useRef } from 'react';
import { match, useRoute, useSession } from './context';
import { signOut } from './auth/session';
import { SignInPage } from './pages/SignInPage';
import { EventsPage } from './pages/EventsPage';
import { EventPage } from './pages/EventPage';
import { CheckoutPage } from './pages/CheckoutPage';
import { MyTicketsPage } from './pages/MyTicketsPage';

// The organizer's and the gate's pages are their own chunks: buyers never load them.
const OrganizerPage = lazy(() => import('./organizer/OrganizerPage'));
const CreateEventPage = lazy(() => import('./organizer/CreateEventPage'));
const OrganizerEventPage = lazy(() => import('./organizer/OrganizerEventPage'));
const GatePage = lazy(() => import('./gate/GatePage'));

function page(route: string) {
  let p: Record<string, string> | null;
  if ((p = match('/events/:eventId', route))) return <EventPage eventId={p.eventId} />;
  if ((p = match('/checkout/:orderId', route))) return <CheckoutPage orderId={p.orderId} />;
  if (match('/signin', route)) return <SignInPage />;
  if (match('/tickets', route)) return <MyTicketsPage />;
  if (match('/organizer', route)) return <OrganizerPage />;
  if (match('/organizer/new', route)) return <CreateEventPage />;
  if ((p = match('/organizer/events/:eventId', route))) return <OrganizerEventPage eventId={p.eventId} />;
  if (match('/gate', route)) return <GatePage />;
  return <EventsPage />;
}

export function App() {
  const route = useRoute();
  const session = useSession();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // A new page moves focus to its content, as a full page load would start there.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
    window.scrollTo(0, 0);
  }, [route]);

  const groups = session?.groups ?? [];
  const path = route.split('?')[0];
  const link = (href: string, text: string) => (
    <li>
      <a href={`#${href}`} aria-current={path === href ? 'page' : undefined}>{text}</a>
    </li>
  );
  return (
    <>
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>
        Skip to content
      </a>
      <header className="top">
        <a className="brand" href="#/">TicketHub</a>
        <nav aria-label="Main">
          <ul>
            {link('/', 'Events')}
            {session && link('/tickets', 'My tickets')}
            {groups.includes('organizer') && link('/organizer', 'Organizer')}
            {(groups.includes('staff') || groups.includes('organizer')) && link('/gate', 'Gate')}
          </ul>
        </nav>
        <div className="who">
          {session ? (
            <>
              <span>Signed in as <strong>{session.name}</strong></span>
              <button type="button" onClick={() => signOut()}>Sign out</button>
            </>
          ) : (
            <a href="#/signin">Sign in</a>
          )}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<p>Loading…</p>}>{page(route)}</Suspense>
      </main>
    </>
  );
}
