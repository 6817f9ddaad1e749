import { describe, expect, it } from 'vitest';
import { brandPatch } from './brand.js';

describe('the brand form', () => {
  it('sends empty fields as null (back to the default) and footer lines as links', () => {
    const patch = brandPatch(
      { siteName: ' Daily Planet ', publisherName: '', logo: '', accent: '#b80000', accentDark: '', fontStack: '', footer: 'About us | /about\n\nbad line\nContact | https://planet.example/contact', poweredBy: false },
      null,
    );
    expect(patch).toEqual({
      siteName: 'Daily Planet',
      publisherName: null,
      logo: null,
      accent: '#b80000',
      accentDark: null,
      fontStack: null,
      footerLinks: [
        { label: 'About us', url: '/about' },
        { label: 'Contact', url: 'https://planet.example/contact' },
      ],
      poweredBy: false,
    });
  });
});
