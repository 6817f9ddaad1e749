/** The newsroom's front: every live page, each a link named by its title; editors start new ones. */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, messageOf } from './api.js';
import { SLUG_PATTERN } from './constants.js';
import { atLeast, useApp } from './context.js';
import { deskHref } from './route.js';
import type { ApiPage } from './types.js';
import { FormError, TextField, Time } from './ui.js';

/** A slug suggested from a title: "Storm Éowyn: live" → "storm-eowyn-live". */
export function slugFrom(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

export function PagesList() {
  const { api, me } = useApp();
  const [pages, setPages] = useState<ApiPage[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'Live pages – livepage newsroom';
    api
      .get<{ pages: ApiPage[] }>('/api/v1/pages')
      .then((r) => setPages(r.pages))
      .catch((e) => setError(messageOf(e)));
  }, []);
  return (
    <div class="nr-page">
      <h1 tabIndex={-1}>Live pages</h1>
      <FormError message={error} />
      {pages === null && !error && <p class="nr-muted">Loading pages…</p>}
      {pages?.length === 0 && <p class="nr-muted">No live pages yet.</p>}
      {pages && pages.length > 0 && (
        <ul class="nr-pages">
          {pages.map((p) => (
            <li key={p.slug} class="nr-pages__item">
              <a class="nr-pages__link" href={deskHref(p.slug)}>
                {p.title}
              </a>
              <span class="nr-pages__meta">
                {p.state === 'live' ? <span class="lp-live">Live</span> : <span class="nr-tag">Ended</span>} /live/{p.slug} · <Time iso={p.updatedAt} prefix="changed" />
              </span>
            </li>
          ))}
        </ul>
      )}
      {atLeast(me.role, 'editor') && <NewPage />}
    </div>
  );
}

function NewPage() {
  const { api, navigate } = useApp();
  const [title, setTitle] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const create = async () => {
    const finalSlug = slugTouched ? slug.trim() : slugFrom(title);
    const e: Record<string, string> = {};
    if (!title.trim()) e.title = 'Give the page a title.';
    if (!SLUG_PATTERN.test(finalSlug)) e.slug = 'Use lowercase letters, digits and hyphens, starting with a letter or digit.';
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    try {
      const page = await api.send<ApiPage>('POST', '/api/v1/pages', { slug: finalSlug, title: title.trim(), ...(description.trim() ? { description: description.trim() } : {}) });
      navigate(deskHref(page.slug));
    } catch (err) {
      const field = err instanceof ApiError && err.field && ['title', 'slug', 'description'].includes(err.field) ? err.field : err instanceof ApiError && err.status === 409 ? 'slug' : 'form';
      setErrors({ [field]: messageOf(err) });
      setBusy(false);
    }
  };
  return (
    <section class="nr-card nr-newpage" aria-labelledby="nr-newpage-heading">
      <h2 id="nr-newpage-heading">Start a live page</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <TextField id="nr-newpage-title" label="Page title" value={title} onValue={setTitle} maxLength={200} error={errors.title} />
        <TextField
          id="nr-newpage-slug"
          label="Address"
          hint={`Readers find the page at /live/${(slugTouched ? slug : slugFrom(title)) || '…'}`}
          value={slugTouched ? slug : slugFrom(title)}
          onValue={(v) => {
            setSlugTouched(true);
            setSlug(v);
          }}
          maxLength={80}
          error={errors.slug}
        />
        <TextField id="nr-newpage-description" label="Description" multiline value={description} onValue={setDescription} maxLength={1000} error={errors.description} />
        <FormError message={errors.form} />
        <button type="submit" class="nr-button nr-button--primary" disabled={busy}>
          Create page
        </button>
      </form>
    </section>
  );
}
