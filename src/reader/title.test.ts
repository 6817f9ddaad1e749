import { afterEach, describe, expect, it, vi } from 'vitest';
import { Announcer } from './announce.js';
import { announcement, newPostsText, titleWithCount } from './title.js';

describe('new posts wording', () => {
  it('counts posts in the button and the tab title', () => {
    expect(newPostsText(1)).toBe('1 new post');
    expect(newPostsText(3)).toBe('3 new posts');
    expect(titleWithCount('Ukraine war: latest', 2)).toBe('(2) Ukraine war: latest');
    expect(titleWithCount('Ukraine war: latest', 0)).toBe('Ukraine war: latest');
  });

  it('announces one post by title and a burst by number', () => {
    expect(announcement(['Talks resume'])).toBe('New post: Talks resume');
    expect(announcement(['a', 'b', 'c'])).toBe('3 new posts');
  });
});

describe('Announcer', () => {
  afterEach(() => void vi.useRealTimers());

  it('coalesces a burst into one announcement', () => {
    vi.useFakeTimers();
    const said: string[] = [];
    const a = new Announcer((t) => said.push(t), 1000);
    a.post('One');
    a.post('Two');
    vi.advanceTimersByTime(999);
    expect(said).toEqual([]);
    a.post('Three');
    vi.advanceTimersByTime(1);
    expect(said).toEqual(['3 new posts']);
    a.post('Four');
    vi.advanceTimersByTime(1000);
    expect(said).toEqual(['3 new posts', 'New post: Four']);
  });
});

describe('Announcer.say', () => {
  it('says other news at once, after the posts that were waiting', () => {
    const said: string[] = [];
    const a = new Announcer((t) => said.push(t), 1000);
    a.post('One');
    a.say('We have moved');
    expect(said).toEqual(['New post: One', 'We have moved']);
  });
});
