import { describe, expect, it } from 'vitest';
import { embedFrameUrl, heightMessage, readHeightMessage } from './embed-protocol.js';

const HOST = 'https://partner.example/news/story.html';

describe('embedFrameUrl', () => {
  it('turns a live page URL into its embed URL', () => {
    expect(embedFrameUrl('https://news.example/live/storm', HOST)?.href).toBe('https://news.example/live/storm/embed');
    expect(embedFrameUrl(' http://127.0.0.1:3000/live/storm-2/ ', HOST)?.href).toBe('http://127.0.0.1:3000/live/storm-2/embed');
    // Query and fragment are the page's business, not the frame's.
    expect(embedFrameUrl('https://news.example/live/storm?page=2#post-1', HOST)?.href).toBe('https://news.example/live/storm/embed');
    // Relative to the host page, as a link would be.
    expect(embedFrameUrl('/live/storm', HOST)?.href).toBe('https://partner.example/live/storm/embed');
  });

  it('refuses anything that is not an http(s) live page', () => {
    for (const bad of [
      'javascript:alert(1)//live/storm',
      'data:text/html,<script>alert(1)</script>',
      'ftp://news.example/live/storm',
      'https://news.example/live/Storm',
      'https://news.example/live/storm/embed',
      'https://news.example/live/../admin',
      'https://news.example/other/live/storm',
      'https://user:pw@news.example/live/storm',
      'https://news.example/live/',
      'http://[::1',
      '',
    ]) {
      expect(embedFrameUrl(bad, HOST), bad).toBeNull();
    }
  });
});

describe('height messages', () => {
  it('round-trip, rounding the height up', () => {
    expect(readHeightMessage(heightMessage('livepage-1', 812.4, 'Storm'))).toEqual({ type: 'livepage:height', id: 'livepage-1', height: 813, title: 'Storm' });
  });

  it('ignore other messages and impossible heights', () => {
    for (const bad of [null, 'livepage:height', 42, [], { type: 'other', height: 10 }, { type: 'livepage:height' }, { type: 'livepage:height', height: '10' }, { type: 'livepage:height', height: -1 }, { type: 'livepage:height', height: Infinity }, { type: 'livepage:height', height: NaN }, { type: 'livepage:height', height: 1e9 }]) {
      expect(readHeightMessage(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('keep the title text short and ignore a non-string one', () => {
    expect(readHeightMessage({ type: 'livepage:height', height: 5, title: 'x'.repeat(1000) })?.title).toHaveLength(300);
    expect(readHeightMessage({ type: 'livepage:height', height: 5, title: { toString: () => 'x' } })?.title).toBe('');
  });
});
