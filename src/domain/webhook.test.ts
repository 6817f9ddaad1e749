import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { retryDelay, signature, webhookCreateSchema, webhookPatchSchema } from './webhook.js';

describe('webhook signature', () => {
  it('is sha256= and the hex HMAC-SHA256 of the exact body', () => {
    const body = '{"type":"post.published","page":"storm","seq":3,"data":{}}';
    expect(signature(body, 'It’s a secret')).toBe(`sha256=${createHmac('sha256', 'It’s a secret').update(body).digest('hex')}`);
    // RFC 4231 test case 2
    expect(signature('what do ya want for nothing?', 'Jefe')).toBe('sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});

describe('retry delays', () => {
  const policy = { maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 3_600_000 };

  it('double after each failure, up to the cap', () => {
    const most = (attempt: number) => retryDelay(attempt, policy, () => 1);
    expect([1, 2, 3, 4, 5, 6, 7].map(most)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000]);
    expect(most(20)).toBe(3_600_000);
  });

  it('are jittered between half and all of the step', () => {
    expect(retryDelay(3, policy, () => 0)).toBe(60_000);
    for (let i = 0; i < 200; i++) {
      const d = retryDelay(3, policy);
      expect(d).toBeGreaterThanOrEqual(60_000);
      expect(d).toBeLessThanOrEqual(120_000);
    }
  });
});

describe('webhook registration', () => {
  const ok = { url: 'https://hooks.example.org/in', events: ['post.published', 'page.ended'], secret: 'long enough' };

  it('accepts http(s) targets only', () => {
    expect(webhookCreateSchema.safeParse(ok).success).toBe(true);
    expect(webhookCreateSchema.safeParse({ ...ok, url: 'http://127.0.0.1:8080/hook' }).success).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:,x', 'ftp://example.org/', 'mailto:a@example.org', '/relative'])
      expect(webhookCreateSchema.safeParse({ ...ok, url }).error?.issues[0]?.path, url).toEqual(['url']);
  });

  it('refuses a user name or password in the URL (fetch would refuse it, and the log would show it)', () => {
    for (const url of ['http://user:pw@hooks.example.org/in', 'https://token@hooks.example.org/in', 'https://:pw@hooks.example.org/in']) {
      expect(webhookCreateSchema.safeParse({ ...ok, url }).error?.issues[0]?.path, url).toEqual(['url']);
      expect(webhookPatchSchema.safeParse({ url }).error?.issues[0]?.path, url).toEqual(['url']);
    }
    expect(webhookCreateSchema.safeParse({ ...ok, url: 'https://hooks.example.org/in?token=abc' }).success).toBe(true);
  });

  it('names each known event type once', () => {
    expect(webhookCreateSchema.safeParse({ ...ok, events: ['post.published', 'post.published'] }).success).toBe(false);
    expect(webhookCreateSchema.safeParse({ ...ok, events: ['*'] }).success).toBe(false);
  });
});
