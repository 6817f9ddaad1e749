/**
 * The document a provider's markup runs in (issue 11, docs/adr/010): served by us at
 * /embeds/{id} with a CSP whose `sandbox` directive gives it an opaque origin (no
 * allow-same-origin), so it can read neither our cookies nor our pages' DOM, and whose
 * sources allow only that provider. The reader's frame carries the same sandbox. A small
 * script of ours (its nonce) reports the content's height to the parent page.
 */

import { FRAME_SANDBOX } from '../domain/embed-sandbox.js';

/** The frame's CSP: opaque origin, the provider's sources only, our nonce'd reporter. */
export function embedFrameCsp(origins: readonly string[], nonce: string): string {
  const safe = origins.filter((o) => /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i.test(o)).join(' ');
  return [
    `sandbox ${FRAME_SANDBOX}`,
    "default-src 'none'",
    `script-src 'nonce-${nonce}' ${safe}`.trim(),
    `frame-src ${safe || "'none'"}`,
    `connect-src ${safe || "'none'"}`,
    'img-src https: data:',
    'media-src https: blob:',
    "style-src 'unsafe-inline' https:",
    'font-src https: data:',
    "base-uri 'none'",
    "form-action 'none'",
    'frame-ancestors *',
  ].join('; ');
}

/**
 * The provider's markup as the body, untouched (the sandbox and CSP contain it), and our
 * reporter: the body's height to the parent on every change, so the frame fits its content.
 */
export function embedFrameDocument(markup: string, nonce: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="strict-origin-when-cross-origin"><base target="_blank"><style>html,body{margin:0;padding:0;background:transparent;overflow:hidden}body{display:flow-root}</style></head><body>${markup}<script nonce="${nonce}">${REPORTER}</script></body></html>`;
}

const REPORTER = `(function(){var last=-1;function send(){var h=Math.ceil(document.body.getBoundingClientRect().height);if(h!==last){last=h;parent.postMessage({livepageEmbed:"height",height:h},"*");}}if(window.ResizeObserver)new ResizeObserver(send).observe(document.body);addEventListener("load",send);setInterval(send,1000);send();})();`;
