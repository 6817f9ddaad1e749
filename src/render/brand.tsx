/**
 * The newsroom's brand on reader pages (issue 13 item 1): the masthead, the footer and
 * the stylesheet that sets the CSS custom properties. The CSP allows no inline styles,
 * so the brand's colours and fonts are a small stylesheet of their own, served under a
 * name that changes with its content (cacheable for a year).
 */
import { createHash } from 'node:crypto';
import type { ComponentChildren, VNode } from 'preact';
import type { Brand } from '../domain/brand.js';
import { messages } from './i18n.js';

/** The brand's stylesheet: custom properties only (the main stylesheet uses them); empty when nothing is set. */
export function brandCss(brand: Brand): string {
  const light: string[] = [];
  const dark: string[] = [];
  if (brand.accent) light.push(`--lp-accent:${brand.accent}`, `--lp-link:${brand.accent}`, `--lp-focus:${brand.accent}`, `--lp-live:${brand.accent}`);
  if (brand.accentDark) dark.push(`--lp-accent:${brand.accentDark}`, `--lp-link:${brand.accentDark}`, `--lp-focus:${brand.accentDark}`);
  // The schema allows only names, quotes, commas and spaces: nothing can close the rule.
  if (brand.fontStack) light.push(`--lp-font:${brand.fontStack}`);
  let css = light.length ? `:root{${light.join(';')}}` : '';
  if (dark.length) css += `@media (prefers-color-scheme:dark){:root{${dark.join(';')}}}`;
  return css;
}

/** Where the brand's stylesheet is served: `/brand-{hash}.css`, or null when it is empty. */
export function brandCssHref(brand: Brand): string | null {
  const css = brandCss(brand);
  return css ? `/brand-${createHash('sha256').update(css).digest('hex').slice(0, 12)}.css` : null;
}

/** The masthead: the logo (with the site name as its text alternative) or the name, linking home. */
export function Masthead({ brand, children }: { brand: Brand; children?: ComponentChildren }): VNode {
  return (
    <header class="lp-masthead">
      <a class="lp-masthead__home" href="/">
        {brand.logo ? (
          <img class="lp-masthead__logo" src={brand.logo.src} alt={brand.siteName} width={brand.logo.width} height={brand.logo.height} />
        ) : (
          brand.siteName
        )}
      </a>
      {children}
    </header>
  );
}

/** The footer: the newsroom's links and, unless turned off, "Powered by livepage". */
export function BrandFooter({ brand, locale }: { brand: Brand; locale: string }): VNode {
  const m = messages(locale);
  return (
    <footer class="lp-footer">
      {brand.footerLinks.length > 0 && (
        <nav aria-label={m.t('siteLinks')}>
          <ul class="lp-footer__links">
            {brand.footerLinks.map((l) => (
              <li>
                <a href={l.url}>{l.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {brand.poweredBy && <p>{m.t('poweredBy')}</p>}
    </footer>
  );
}
