/** What the server's frame and the reader's script agree on about embeds' sandboxes (no zod: the reader bundle imports it). */

/**
 * The sandbox a provider's markup runs in (the frame's CSP and the reader's iframe both):
 * scripts (the provider's widget), links opening a new tab, full screen; never
 * allow-same-origin, so the document's origin is opaque (docs/adr/010).
 */
export const FRAME_SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox allow-presentation';

/** A player's sandbox: its own origin (the provider's, never ours) is what makes it play. */
export const PLAYER_SANDBOX = 'allow-scripts allow-same-origin allow-presentation allow-popups';

/** Where a reader's consent to a provider is remembered (their browser's localStorage). */
export const consentKey = (providerKey: string): string => `livepage:embed-consent:${providerKey}`;

/** The height a sandboxed frame may report (a hostile one cannot make the page endless). */
export const FRAME_HEIGHT = { min: 80, max: 4000 };
