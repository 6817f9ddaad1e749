/**
 * Click-to-load embeds: the page links to the content; for providers we know, a click
 * swaps the link for the player (nothing from the provider loads before). Others keep
 * opening the link.
 */

/** The privacy-enhanced player URL for a YouTube link; null for anything else. */
export function embedSrc(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const host = u.hostname.replace(/^(www|m)\./, '');
  let id: string | null | undefined;
  if (host === 'youtu.be') id = u.pathname.slice(1);
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com')
    id = u.pathname === '/watch' ? u.searchParams.get('v') : /^\/(?:embed|shorts|live)\/([^/]+)/.exec(u.pathname)?.[1];
  return id && /^[\w-]{6,20}$/.test(id) ? `https://www.youtube-nocookie.com/embed/${id}?autoplay=1` : null;
}

/** Listens for clicks on `a.lp-embed__load[data-embed-url]` anywhere in the document. */
export function enableEmbeds(): void {
  document.addEventListener('click', (e) => {
    const link = (e.target as Element | null)?.closest?.<HTMLAnchorElement>('a.lp-embed__load[data-embed-url]');
    if (!link || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const src = embedSrc(link.dataset.embedUrl ?? '');
    const box = link.closest('.lp-embed__placeholder');
    if (!src || !box) return;
    e.preventDefault();
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = `Video from ${new URL(src).host}`;
    frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
    frame.allowFullscreen = true;
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    const wrap = document.createElement('div');
    wrap.className = 'lp-embed__frame';
    wrap.append(frame);
    box.replaceWith(wrap);
    frame.focus();
  });
}
