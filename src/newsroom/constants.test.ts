/** The newsroom's zod-free copies of the domain's rules must say exactly what the domain says. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTINUATION_NOTICE as DOMAIN_NOTICE, SLUG_PATTERN as DOMAIN_SLUG } from '../domain/page.js';
import { LABELS as DOMAIN_LABELS } from '../domain/post.js';
import { hasRole, ROLES as DOMAIN_ROLES } from '../domain/user.js';
import { mediaUrl } from '../domain/schema-helpers.js';
import { atLeast, DEFAULT_CONTINUATION_NOTICE, LABELS, MEDIA_URL, ROLES, SLUG_PATTERN } from './constants.js';

describe('newsroom constants', () => {
  it('has the domain’s labels, roles, role order and slug rule', () => {
    expect(LABELS).toEqual([...DOMAIN_LABELS]);
    expect([...ROLES].sort()).toEqual([...DOMAIN_ROLES].sort());
    for (const a of ROLES) for (const b of ROLES) expect(atLeast(a, b)).toBe(hasRole(a, b));
    expect(SLUG_PATTERN.source).toBe(DOMAIN_SLUG.source);
  });

  it('promises the continuation notice the server writes', () => {
    expect(DEFAULT_CONTINUATION_NOTICE).toBe(DOMAIN_NOTICE);
  });

  it('accepts no media address the API refuses', () => {
    for (const url of ['https://images.example.org/a.jpg', 'http://x.example/v.mp4', '/assets/demo/a.svg', '//evil.example/a.jpg', 'javascript:alert(1)', 'ftp://x/a', '/a b'])
      if (MEDIA_URL.test(url)) expect(mediaUrl.safeParse(url).success, url).toBe(true);
  });
});
