import { describe, expect, it } from 'vitest';
import { embedSrc } from './embeds.js';

describe('embedSrc', () => {
  it('turns YouTube links into privacy-enhanced player URLs', () => {
    const player = 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1';
    for (const url of [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=10',
      'https://youtu.be/dQw4w9WgXcQ',
      'https://www.youtube.com/shorts/dQw4w9WgXcQ',
      'https://www.youtube.com/embed/dQw4w9WgXcQ',
    ])
      expect(embedSrc(url), url).toBe(player);
  });

  it('leaves other providers and odd links alone', () => {
    for (const url of ['https://x.com/a/status/1', 'https://www.youtube.com/watch?v=<script>', 'javascript:alert(1)', 'nope', 'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ'])
      expect(embedSrc(url), url).toBeNull();
  });
});

describe('what a sandboxed frame may tell the page', () => {
  it('takes a height only in our message shape, bounded', async () => {
    const { frameHeight } = await import('./embeds.js');
    expect(frameHeight({ livepageEmbed: 'height', height: 412.2 })).toBe(413);
    expect(frameHeight({ livepageEmbed: 'height', height: 1e9 })).toBe(4000); // a hostile frame cannot make the page endless
    expect(frameHeight({ livepageEmbed: 'height', height: -5 })).toBe(80);
    for (const bad of [null, 'height', { height: 300 }, { livepageEmbed: 'height', height: '300' }, { livepageEmbed: 'height', height: NaN }]) expect(frameHeight(bad)).toBeNull();
  });

  it('plays only https players, asking for autoplay', async () => {
    const { autoplay } = await import('./embeds.js');
    expect(autoplay('https://player.vimeo.com/video/1?dnt=1')).toBe('https://player.vimeo.com/video/1?dnt=1&autoplay=1');
    expect(autoplay('javascript:alert(1)')).toBeNull();
    expect(autoplay('http://player.example/1')).toBeNull();
  });
});
