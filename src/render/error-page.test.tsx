import { describe, expect, it } from 'vitest';
import { renderErrorPage } from './error-page.js';
import { EVIL, textOf } from './test-fixtures.js';

describe('renderErrorPage', () => {
  it('is a friendly page with a way home, kept out of search engines', () => {
    const html = renderErrorPage({ status: 404, title: 'Page not found', message: 'We could not find that page.', cssHref: '/c.css' });
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).toContain('<title>Page not found</title>');
    expect(html).toContain('<h1>Page not found</h1>');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).toContain('<a href="/">Go to the home page</a>');
    expect(textOf(html)).toContain('Error 404 Page not found We could not find that page.');
  });

  it('escapes its texts', () => {
    const html = renderErrorPage({ status: 500, title: EVIL, message: EVIL, cssHref: '/c.css' });
    expect(html).not.toMatch(/<script|<b>/);
  });
});
