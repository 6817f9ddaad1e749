/**
 * Sharing a post (issue 13 item 3). The server renders plain share links in a details
 * element (no third-party script or request); here the device's own share sheet takes
 * over where there is one (Web Share API), and elsewhere a "Copy link" button joins the
 * links. One listener on the document serves posts that arrive later too.
 */
import { strings } from './strings.js';

type ShareNavigator = Navigator & { share?: (data: ShareData) => Promise<void> };

export function enableSharing(root: Document = document): void {
  const nav = navigator as ShareNavigator;
  const canShare = typeof nav.share === 'function';
  root.addEventListener('click', (e) => {
    const target = e.target as Element | null;
    const toggle = target?.closest?.('.lp-share__toggle');
    const details = toggle?.parentElement;
    if (toggle && details instanceof HTMLDetailsElement) {
      const url = details.dataset.url ?? location.href;
      const title = details.closest('article')?.querySelector('.lp-post__title')?.textContent?.trim() ?? document.title;
      if (canShare) {
        e.preventDefault();
        nav.share!({ title, url }).catch(() => {
          // Dismissed, or refused: the plain links are still there.
          details.open = true;
        });
      } else if (!details.open) addCopyButton(details, url);
      return;
    }
    const copy = target?.closest?.<HTMLButtonElement>('.lp-share__copy');
    if (copy) void copyLink(copy);
  });
}

function addCopyButton(details: HTMLDetailsElement, url: string): void {
  if (details.querySelector('.lp-share__copy') || !navigator.clipboard) return;
  const li = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'lp-share__copy';
  button.dataset.url = url;
  button.textContent = strings().copyLink;
  li.append(button);
  details.querySelector('ul')?.prepend(li);
}

async function copyLink(button: HTMLButtonElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(button.dataset.url ?? location.href);
    button.textContent = strings().linkCopied;
    setTimeout(() => (button.textContent = strings().copyLink), 3000);
  } catch {
    // No permission: the reader can still copy the permalink (the post's time) by hand.
  }
}
