/** The newsroom app: routes under /newsroom, rendered into the shell's #newsroom-app. */
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { createApi } from './api.js';
import { BrandSettingsPage } from './brand.js';
import { setEmbedResolver } from './embed-previews.js';
import { App as AppProvider, type AppContext } from './context.js';
import { Desk } from './desk.js';
import { browserStorage, forgetPerson, storageWorks, suspendAutosave } from './draft-store.js';
import { PagesList } from './pages-list.js';
import { MyByline } from './byline-form.js';
import { People } from './people.js';
import { isAppNavigation, parseRoute, type Route } from './route.js';
import { Tokens } from './tokens.js';
import type { Me } from './types.js';

function NewsroomApp({ me, csrf }: { me: Me; csrf: string }) {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.pathname));
  const [signedOut, setSignedOut] = useState(false);
  const keeps = useMemo(() => storageWorks(browserStorage()), []);
  const ctx = useMemo<AppContext>(() => {
    const navigate = (href: string) => {
      history.pushState(null, '', href);
      setRoute(parseRoute(new URL(href, location.origin).pathname));
      window.scrollTo(0, 0);
      // Tell assistive technology the view changed: focus its heading once rendered.
      setTimeout(() => document.querySelector<HTMLElement>('#newsroom-app h1')?.focus());
    };
    const api = createApi(csrf, () => setSignedOut(true));
    // A pasted address's card (embed-previews.ts): asked of the server, which also keeps it.
    setEmbedResolver((url) => api.send('POST', '/api/v1/embeds/preview', { url }));
    return { me, api, navigate };
  }, []);

  // Newsroom machines are shared: signing out deletes this person's autosaved work here.
  useEffect(() => {
    const form = document.querySelector<HTMLFormElement>('form[action="/newsroom/logout"]');
    const onSignOut = () => {
      suspendAutosave();
      const s = browserStorage();
      if (s) forgetPerson(s, me.id);
    };
    form?.addEventListener('submit', onSignOut);
    return () => form?.removeEventListener('submit', onSignOut);
  }, []);

  useEffect(() => {
    const onPop = () => setRoute(parseRoute(location.pathname));
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.('a');
      if (a instanceof HTMLAnchorElement && isAppNavigation(e, a, location.origin)) {
        e.preventDefault();
        ctx.navigate(a.pathname + a.search);
      }
    };
    window.addEventListener('popstate', onPop);
    document.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('popstate', onPop);
      document.removeEventListener('click', onClick);
    };
  }, []);

  return (
    <AppProvider.Provider value={ctx}>
      {signedOut && (
        <p class="nr-error nr-banner" role="alert">
          {keeps
            ? 'Your session has ended. Your unsent post and unsaved edits are kept in this browser: '
            : 'Your session has ended. This browser cannot keep drafts: copy anything unsent before you '}
          {/* To the server, not the app: its sign-in form brings the journalist back here (?next=). */}
          <a href={`/newsroom?next=${encodeURIComponent(location.pathname)}`} data-reload="">
            sign in again
          </a>
          .
        </p>
      )}
      {route.name === 'pages' && <PagesList />}
      {route.name === 'desk' && <Desk key={route.slug} slug={route.slug} />}
      {route.name === 'people' && <People />}
      {route.name === 'byline' && <MyByline />}
      {route.name === 'tokens' && <Tokens />}
      {route.name === 'brand' && <BrandSettingsPage />}
      {route.name === 'not-found' && (
        <div class="nr-page">
          <h1 tabIndex={-1}>Not found</h1>
          <p>
            Nothing here. <a href="/newsroom">See all pages</a>.
          </p>
        </div>
      )}
    </AppProvider.Provider>
  );
}

/** Starts the app in `root`, which carries who is signed in (data-user) and the CSRF token (data-csrf). */
export function startNewsroom(root: HTMLElement): void {
  const me = JSON.parse(root.dataset.user ?? 'null') as Me | null;
  const csrf = root.dataset.csrf ?? '';
  if (!me || !csrf) return;
  root.textContent = '';
  render(<NewsroomApp me={me} csrf={csrf} />, root);
}
