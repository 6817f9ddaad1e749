/**
 * The newsroom's server-rendered pages: the sign-in form (works without JavaScript) and
 * the shell the editor app starts in, carrying who is signed in and the CSRF token.
 */
import type { User } from '../domain/user.js';
import { Document, renderDocument } from './document.js';

export interface SignInView {
  cssHref: string;
  newsroomCssHref: string;
  /** Shown above the form, e.g. wrong password or too many attempts. */
  error?: string | undefined;
  email?: string | undefined;
  /** The form's login CSRF token (paired with the `lp_login` cookie). */
  csrfToken: string;
  /** A newsroom path to return to after signing in (already checked by the server). */
  next?: string | undefined;
}

export function renderSignInPage(view: SignInView): string {
  return renderDocument(
    <Document lang="en" title="Sign in – livepage newsroom" cssHref={view.cssHref} moreCss={[view.newsroomCssHref]} noindex>
      <main id="main" class="nr-signin">
        <h1>Newsroom</h1>
        <form method="post" action="/newsroom/login" class="nr-signin__form">
          {view.error && (
            <p class="nr-error" role="alert">
              {view.error}
            </p>
          )}
          <label for="nr-email">Email</label>
          <input id="nr-email" name="email" type="email" autocomplete="username" required value={view.email ?? ''} />
          <label for="nr-password">Password</label>
          <input id="nr-password" name="password" type="password" autocomplete="current-password" required />
          <input type="hidden" name="_csrf" value={view.csrfToken} />
          {view.next && <input type="hidden" name="next" value={view.next} />}
          <button type="submit">Sign in</button>
        </form>
      </main>
    </Document>,
  );
}

export interface ShellView {
  user: User;
  csrfToken: string;
  cssHref: string;
  newsroomCssHref: string;
  scriptHref: string | null;
  /** The app's chunks: fetched with its script, not one after another as its imports are read. */
  modules?: string[] | undefined;
  /** A desk's one data request (`GET …/desk`), started while the scripts load; the app's own fetch of it is answered from this. */
  deskData?: string | undefined;
}

/** The editor app's page: the app reads `data-user` and `data-csrf` from `#newsroom-app`. */
export function renderNewsroomShell(view: ShellView): string {
  const user = { id: view.user.id, email: view.user.email, name: view.user.name, role: view.user.role };
  return renderDocument(
    <Document
      lang="en"
      title="livepage newsroom"
      cssHref={view.cssHref}
      moreCss={[view.newsroomCssHref]}
      scriptHref={view.scriptHref ?? undefined}
      noindex
      head={
        view.scriptHref && (
          <>
            {view.deskData && <link rel="preload" as="fetch" href={view.deskData} crossOrigin="anonymous" />}
            {view.modules?.map((href) => <link rel="modulepreload" href={href} />)}
          </>
        )
      }
    >
      <a class="lp-skip" href="#newsroom-app">
        Skip to content
      </a>
      {/* Plain links and a form: they work before (and without) the app's script. */}
      <header class="nr-top">
        <a class="nr-top__home" href="/newsroom">
          Newsroom
        </a>
        <nav class="nr-top__nav" aria-label="Newsroom">
          <a href="/newsroom">Pages</a>
          {user.role === 'admin' && <a href="/newsroom/people">People</a>}
          <a href="/newsroom/byline">My byline</a>
          {user.role === 'admin' && <a href="/newsroom/brand">Brand</a>}
          <a href="/newsroom/tokens">API tokens</a>
        </nav>
        <span class="nr-top__user">
          {user.name} <span class="nr-top__role">({user.role})</span>
        </span>
        <form method="post" action="/newsroom/logout" class="nr-signout">
          <input type="hidden" name="_csrf" value={view.csrfToken} />
          <button type="submit">Sign out</button>
        </form>
      </header>
      <main id="newsroom-app" class="nr-app" tabIndex={-1} data-user={JSON.stringify(user)} data-csrf={view.csrfToken}>
        {!view.scriptHref && <p>The newsroom app has not been built: run npm run build.</p>}
      </main>
    </Document>,
  );
}
