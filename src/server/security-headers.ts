/**
 * Security headers from helmet's policies, computed once. helmet's own fastify plugin
 * rebuilds them on every request, which measured as the largest cost of serving a
 * cached page (docs/performance.md); the headers never change, so we set constants.
 */
import helmet from 'helmet';

type Headers = Record<string, string>;

/** The headers helmet would set for our policy: strict CSP, no third-party scripts, no framing by others. */
export function securityHeaders(): Headers {
  return helmetHeaders(false);
}

/**
 * The same for views other sites may frame (`/live/{slug}/embed`, SPEC §6): any site
 * may be the frame's ancestor (`frame-ancestors *`, no X-Frame-Options), and the
 * resource may be loaded from another origin (CORP), which `/embed.js` needs too.
 */
export function embedSecurityHeaders(): Headers {
  return helmetHeaders(true);
}

function helmetHeaders(frameable: boolean): Headers {
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // blob: the newsroom shows a photo from the device while it uploads.
        imgSrc: ["'self'", 'https:', 'http:', 'data:', 'blob:'],
        mediaSrc: ["'self'", 'https:', 'http:'],
        // Embeds load only when a reader asks for them: a player from the provider's https
        // origin, or a post's markup in our sandboxed frame (/embeds/{id}, an opaque origin).
        frameSrc: ["'self'", 'https:'],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: frameable ? ['*'] : ["'self'"],
      },
    },
    frameguard: frameable ? false : { action: 'sameorigin' },
    crossOriginResourcePolicy: { policy: frameable ? 'cross-origin' : 'same-origin' },
    crossOriginEmbedderPolicy: false,
    // Headers for browsers of long ago cost bytes and time on every response, for nothing.
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    // Partners and search engines should see that readers came from us, not the full URL.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  const headers: Headers = {};
  const res = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value),
    removeHeader: () => {},
  };
  middleware({} as never, res as never, () => {});
  return headers;
}
