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
