import { describe, expect, it } from 'vitest';
import { blockSchema } from './block.js';
import { cardPlainText, embedKey, setCard, showLabel, unresolvedEmbedUrls, withCards, type EmbedCard } from './embed.js';

const card: EmbedCard = { provider: 'X', providerKey: 'x', kind: 'post', url: 'https://x.com/a/status/1', author: 'Ministry', handle: '@ministry', text: 'Roads closed.' };
const embed = (url: string, extra: object = {}) => ({ type: 'embed' as const, url, ...extra });

describe('embed cards', () => {
  it('a write keeps only the stored card of each address: a client\'s is replaced or dropped', () => {
    const forged = { ...card, text: 'Forged' };
    const body = [{ type: 'paragraph' as const, text: 'x' }, embed('https://x.com/a/status/1#frag', { card: forged }), embed('https://other.example/', { card: forged })];
    const out = withCards(body, new Map([[embedKey('https://x.com/a/status/1'), card]]));
    expect(out[1]).toEqual(embed('https://x.com/a/status/1#frag', { card }));
    expect(out[2]).toEqual(embed('https://other.example/'));
    const settled = out.slice(0, 2);
    expect(withCards(settled, new Map([['https://x.com/a/status/1', card]]))).toBe(settled); // nothing to change: the same array
  });

  it('gives a resolved card to the blocks naming its address only; null when none does', () => {
    const body = [embed('https://x.com/a/status/1'), embed('https://b.example/')];
    expect(setCard(body, 'https://x.com/a/status/1', card)).toEqual([embed('https://x.com/a/status/1', { card }), embed('https://b.example/')]);
    expect(setCard(body, 'https://gone.example/', card)).toBeNull();
    expect(unresolvedEmbedUrls([embed('https://x.com/a/status/1', { card }), embed('https://b.example/#x')])).toEqual(['https://b.example/']);
  });

  it('the schema refuses a card with a script address, an outside thumbnail or HTML where an address goes', () => {
    const ok = blockSchema.safeParse(embed('https://x.com/a/status/1', { card }));
    expect(ok.success).toBe(true);
    for (const bad of [{ ...card, url: 'javascript:alert(1)' }, { ...card, thumbnail: { src: 'https://evil.example/a.jpg', width: 1, height: 1 } }, { ...card, frame: '../../etc' }, { ...card, providerKey: 'X Y' }])
      expect(blockSchema.safeParse(embed('https://x.com/a/status/1', { card: bad })).success).toBe(false);
  });

  it('says what a click shows, and carries the words and link into plain text', () => {
    expect(showLabel(card)).toBe('Show X post');
    expect(showLabel({ provider: 'YouTube', kind: 'video' })).toBe('Play YouTube video');
    expect(cardPlainText(card)).toBe('Ministry @ministry on X\nRoads closed.\nhttps://x.com/a/status/1');
  });
});
