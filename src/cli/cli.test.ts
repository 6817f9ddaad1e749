/** The CLI as a user runs it: the built `bin/livepage.js`, real processes, both stores. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { aPost } from '../test/fixtures.js';
import { run, serve } from '../test/processes.js';
import { describeEachStore, openStoreForProcesses, storeForProcesses } from '../test/stores.js';

// Each test runs several CLI processes (a second or more each to start): on two cores shared
// with the rest of the suite, 20 s is too tight.
vi.setConfig({ testTimeout: 180_000 }); // each test runs several CLI processes: slow on a loaded machine

describeEachStore('livepage CLI', (kind) => {
  const cli = storeForProcesses(kind);

  it('prints help, and refuses unknown commands and flags with exit code 2', async () => {
    const help = await run(['--help'], cli.env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('token create --email E');
    expect((await run(['frobnicate'], cli.env)).code).toBe(2);
    const badFlag = await run(['user', 'add', '--emial', 'x@example.org'], cli.env);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('--emial');
  });

  it('adds people with a password from stdin or a generated one, and creates tokens', async () => {
    const added = await run(['user', 'add', '--email', 'Ed@Example.org', '--name', 'Ed Itor', '--role', 'editor', '--password-stdin'], cli.env, 'a long enough password\n');
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).not.toContain('Password');
    const generated = await run(['user', 'add', '--email', 'c@example.org', '--name', 'Con', '--role', 'contributor'], cli.env);
    expect(generated.stdout).toMatch(/Password \(shown once\): \S{20,}/);
    expect((await run(['user', 'add', '--email', 'ed@example.org', '--name', 'Dup', '--role', 'editor'], cli.env)).code).toBe(1);
    const badRole = await run(['user', 'add', '--email', 'z@example.org', '--name', 'Z', '--role', 'boss'], cli.env);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('role');
    const weak = await run(['user', 'add', '--email', 'w@example.org', '--name', 'W', '--role', 'editor', '--password-stdin'], cli.env, 'short');
    expect(weak.code).toBe(1);

    const token = await run(['token', 'create', '--email', 'ed@example.org', '--name', 'ci'], cli.env);
    expect(token.code).toBe(0);
    expect(token.stdout.trim().split('\n').at(-1)).toMatch(/^lp_[A-Za-z0-9_-]{40,}$/);
    const unknown = await run(['token', 'create', '--email', 'nobody@example.org'], cli.env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('nobody@example.org');
  });

  it('changes roles, deactivates people and revokes tokens', async () => {
    const set = await run(['user', 'set', '--email', 'c@example.org', '--role', 'editor', '--active', 'no'], cli.env);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('editor, deactivated');
    expect((await run(['user', 'list'], cli.env)).stdout).toMatch(/c@example\.org\tCon\teditor\tdeactivated/);
    expect((await run(['user', 'set', '--email', 'c@example.org', '--role', 'boss'], cli.env)).code).toBe(2);
    expect((await run(['user', 'set', '--email', 'nobody@example.org', '--active', 'yes'], cli.env)).code).toBe(1);

    const list = await run(['token', 'list', '--email', 'ed@example.org'], cli.env);
    const id = list.stdout.trim().split('\n')[0]!.split('\t')[0]!;
    expect(list.stdout).toContain('\tci\t');
    const revoked = await run(['token', 'revoke', id], cli.env);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect((await run(['token', 'list', '--email', 'ed@example.org'], cli.env)).stdout).toContain('revoked');
    expect((await run(['token', 'revoke', 'no-such-id'], cli.env)).code).toBe(1);
  });

  it('imports a page, refuses an invalid file whole, and exports it back', async () => {
    const dir = cli.dataDir;
    const doc = {
      page: { slug: 'imported', title: 'Imported coverage', summary: ['Point **one**'] },
      posts: [
        aPost('Older', { publishedAt: '2025-02-27T15:16:00Z', label: 'analysis' }),
        aPost('Newer', { publishedAt: '2025-02-27T15:46:00Z', pinned: true }),
        aPost('Draft', { status: 'draft' }),
      ],
    };
    writeFileSync(join(dir, 'good.json'), JSON.stringify(doc));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...doc, page: { ...doc.page, slug: 'bad-one' }, posts: [...doc.posts, aPost('Evil', { body: [{ type: 'paragraph', text: '[x](javascript:alert(1))' }] })] }));
    writeFileSync(join(dir, 'broken.json'), '{"page":');

    const ok = await run(['import', join(dir, 'good.json')], cli.env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('3 posts');
    const bad = await run(['import', join(dir, 'bad.json')], cli.env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('posts.3.body.0.text');
    expect((await run(['import', join(dir, 'broken.json')], cli.env)).stderr).toContain('not valid JSON');
    expect((await run(['import', join(dir, 'missing.json')], cli.env)).code).toBe(1);
    expect((await run(['import', join(dir, 'good.json')], cli.env)).stderr).toContain('already exists');

    const exported = await run(['export', 'imported'], cli.env);
    expect(exported.code).toBe(0);
    const out = JSON.parse(exported.stdout);
    expect(out.page).toMatchObject({ slug: 'imported', seq: 3, pinnedPostId: expect.any(String) });
    expect(out.posts.map((p: { title: string }) => p.title).sort()).toEqual(['Draft', 'Newer', 'Older']);
    expect((await run(['export', 'bad-one'], cli.env)).code).toBe(1);

    // An export imports cleanly elsewhere (here: under another slug, with fresh ids).
    out.page.slug = 'imported-copy';
    for (const p of out.posts) delete p.id;
    writeFileSync(join(dir, 'copy.json'), JSON.stringify(out));
    const copy = await run(['import', join(dir, 'copy.json')], cli.env);
    expect(copy.code, copy.stderr).toBe(0);
  });

  it('serve seeds an admin and a demo page once, serves them, and stops on SIGTERM', async () => {
    const fresh = await openStoreForProcesses(kind);
        try {
      const first = await serve(fresh.env);
      const out = first.output();
      expect(out).toContain('admin@livepage.local');
      expect(out).toMatch(/password: \S{20,}/);
      const demoUrl = /Demo live page: (\S+)/.exec(out)![1]!;
      const page = await fetch(demoUrl.replace('localhost', '127.0.0.1'));
      expect(page.status).toBe(200);
      expect((await page.text()).match(/<article id="post-/g)!.length).toBeGreaterThanOrEqual(10);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const second = await serve(fresh.env);
      expect(second.output()).not.toContain('password:');
      second.child.kill('SIGTERM');
      await second.exited;
    } finally {
      await fresh.dispose();
    }
  });
});
