/**
 * The page itself (editors): title, description, the summary's key points (a bullet list
 * in a small Tiptap editor), the featured video or image; and the end of coverage:
 * continue on another page, or end it (both asked first: neither can be undone).
 * Saving sends only the fields edited here, and shows a colleague's change to one of
 * them instead of overwriting it (page-fields.ts).
 */
import type { Editor } from '@tiptap/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, messageOf } from './api.js';
import { docToSummary, summaryToDoc } from './blocks.js';
import { FIELD_NAMES, mediaFields, mediaValue, pageChanges, pageValues, withSrc, type Field, type MediaFields, type MediaType, type Values } from './page-fields.js';
import { DEFAULT_CONTINUATION_NOTICE, MEDIA_URL } from './constants.js';
import { useApp } from './context.js';
import { ContinueOnNewPage } from './continue.js';
import { FeaturedPhoto } from './featured-photo.js';
import { loadEditorKit } from './load-editor.js';
import type { ApiPage } from './types.js';
import { ConfirmButton, FormError, TextField } from './ui.js';

export function PageSettings({ page, onChanged }: { page: ApiPage; onChanged: (message: string) => void }) {
  const { api } = useApp();
  const [base, setBase] = useState(page);
  const [title, setTitle] = useState(page.title);
  const [description, setDescription] = useState(page.description ?? '');
  const [mediaType, setMediaType] = useState<MediaType>(page.featuredMedia?.type ?? '');
  const [media, setMedia] = useState<MediaFields>(mediaFields(page));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<{ now: ApiPage; fields: Field[] } | null>(null);
  const holder = useRef<HTMLDivElement>(null);
  const summary = useRef<Editor | null>(null);

  useEffect(() => {
    let gone = false;
    void loadEditorKit().then(({ createEditor }) => {
      if (gone) return;
      summary.current = createEditor({ element: holder.current!, content: summaryToDoc(page.summary), labelledBy: 'nr-summary-label', describedBy: 'nr-summary-hint', summary: true });
    });
    return () => {
      gone = true;
      summary.current?.destroy();
    };
  }, []);

  const values = (): Values => ({
    title: title.trim(),
    description: description.trim() || null,
    summary: summary.current ? docToSummary(summary.current.getJSON()) : pageValues(base).summary,
    featuredMedia: mediaValue(mediaType, media),
  });

  /** Shows `now`'s value in every field in `fields`. */
  const take = (now: ApiPage, fields: Field[]) => {
    if (fields.includes('title')) setTitle(now.title);
    if (fields.includes('description')) setDescription(now.description ?? '');
    if (fields.includes('summary')) summary.current?.commands.setContent(summaryToDoc(now.summary));
    if (fields.includes('featuredMedia')) {
      setMediaType(now.featuredMedia?.type ?? '');
      setMedia(mediaFields(now));
    }
  };

  /** Moves the panel onto `now`: fields not edited here show its values; edited ones stay. */
  const rebase = (now: ApiPage, keepMine: Field[]) => {
    take(now, (['title', 'description', 'summary', 'featuredMedia'] as Field[]).filter((f) => !keepMine.includes(f)));
    setBase(now);
  };

  const save = async (overwrite = false) => {
    const e: Record<string, string> = {};
    if (!title.trim()) e.title = 'Give the page a title.';
    if (mediaType && !MEDIA_URL.test(media.src.trim())) e.src = 'Give the address, starting with https://.';
    if (mediaType === 'image' && !media.alt.trim()) e.alt = 'Describe the image for people who cannot see it.';
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    try {
      const mine = values();
      const now = await api.get<ApiPage>(`/api/v1/pages/${page.slug}`);
      const { changed, theirs } = pageChanges(base, mine, now);
      if (changed.length === 0) {
        rebase(now, []);
        return onChanged('Nothing to save: the page already says this.');
      }
      if (theirs.length > 0 && !overwrite) return setConflict({ now, fields: theirs });
      setConflict(null);
      const body = Object.fromEntries(changed.map((f) => [f, mine[f]]));
      const saved = await api.send<ApiPage>('PATCH', `/api/v1/pages/${page.slug}`, body);
      rebase(saved, []);
      onChanged('Page saved.');
    } catch (err) {
      const field = err instanceof ApiError ? (err.field ?? '') : '';
      const key = field.startsWith('featuredMedia.') ? field.split('.')[1]! : field.startsWith('summary') ? 'summary' : field === 'title' || field === 'description' ? field : 'form';
      setErrors({ [key]: messageOf(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="nr-settings">
      <TextField id="nr-page-title" label="Page title" value={title} onValue={setTitle} maxLength={200} error={errors.title} />
      <TextField id="nr-page-description" label="Description" multiline value={description} onValue={setDescription} maxLength={1000} error={errors.description} />
      <div class="nr-field nr-editor">
        <span class="nr-label" id="nr-summary-label">
          Summary key points
        </span>
        <p class="nr-field__hint" id="nr-summary-hint">
          One key point per bullet; bold, italic and links work as in posts.
        </p>
        <div class="nr-editor__frame nr-editor__frame--summary" ref={holder} />
        {errors.summary && <p class="nr-field__error">{errors.summary}</p>}
      </div>
      <fieldset class="nr-fieldset">
        <legend>Featured media</legend>
        <div class="nr-field">
          <label for="nr-media-type">Media type</label>
          <select id="nr-media-type" value={mediaType} onChange={(e) => setMediaType((e.currentTarget as HTMLSelectElement).value as MediaType)}>
            <option value="">None</option>
            <option value="video">Video</option>
            <option value="image">Image</option>
          </select>
        </div>
        {mediaType && (
          <>
            {mediaType === 'image' && (
              <FeaturedPhoto slug={page.slug} src={media.src} onChosen={(p) => setMedia((m) => ({ ...m, src: p.src, alt: m.alt || p.alt || '', facts: { width: p.width, height: p.height, mediaId: p.mediaId, ...(p.color ? { color: p.color } : {}) } }))} />
            )}
            <TextField id="nr-media-src" label="Media address" type="url" value={media.src} onValue={(src) => setMedia(withSrc(media, src))} error={errors.src} />
            {mediaType === 'image' && <TextField id="nr-media-alt" label="Media alt text" value={media.alt} onValue={(alt) => setMedia({ ...media, alt })} error={errors.alt} />}
            <TextField id="nr-media-caption" label="Media caption" value={media.caption} onValue={(caption) => setMedia({ ...media, caption })} error={errors.caption} />
            <TextField id="nr-media-credit" label="Media credit" value={media.credit} onValue={(credit) => setMedia({ ...media, credit })} error={errors.credit} />
          </>
        )}
      </fieldset>
      <FormError message={errors.form} />
      {conflict && (
        <div class="nr-conflict" role="alert">
          <h4>A colleague changed this page since you opened its settings</h4>
          <p>
            They changed the {conflict.fields.map((f) => FIELD_NAMES[f]).join(' and ')}; nothing has been saved yet. Their{' '}
            {conflict.fields.length === 1 ? 'version' : 'versions'}:
          </p>
          <ul class="nr-conflict__theirs">
            {conflict.fields.map((f) => (
              <li key={f}>
                <strong>{FIELD_NAMES[f]}:</strong> {describe(f, conflict.now)}
              </li>
            ))}
          </ul>
          <div class="nr-actions">
            <button
              type="button"
              class="nr-button"
              onClick={() => {
                rebase(conflict.now, pageChanges(base, values(), conflict.now).changed.filter((f) => !conflict.fields.includes(f)));
                setConflict(null);
              }}
            >
              Use theirs
            </button>
            <button
              type="button"
              class="nr-button nr-button--danger"
              onClick={() => {
                const mine = pageChanges(base, values(), conflict.now).changed;
                rebase(conflict.now, mine);
                setConflict(null);
                void save(true);
              }}
            >
              Replace theirs with mine
            </button>
          </div>
        </div>
      )}
      <div class="nr-actions">
        <button type="button" class="nr-button nr-button--primary" disabled={busy} onClick={() => void save()}>
          Save page
        </button>
      </div>
      {page.state === 'live' && <EndCoverage page={page} onChanged={onChanged} />}
    </div>
  );
}

function EndCoverage({ page, onChanged }: { page: ApiPage; onChanged: (message: string) => void }) {
  const { api } = useApp();
  const [pages, setPages] = useState<ApiPage[]>([]);
  const [to, setTo] = useState('');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .get<{ pages: ApiPage[] }>('/api/v1/pages')
      .then((r) => setPages(r.pages.filter((p) => p.slug !== page.slug)))
      .catch(() => setPages([]));
  }, [page.slug]);
  const act = async (path: string, body: unknown, done: string) => {
    setError(null);
    try {
      await api.send('POST', `/api/v1/pages/${page.slug}/${path}`, body);
      onChanged(done);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <>
    {page.state === 'live' && <ContinueOnNewPage page={page} onChanged={onChanged} />}
    <fieldset class="nr-fieldset">
      <legend>End of coverage</legend>
      <div class="nr-field">
        <label for="nr-continue-to">Continue on page</label>
        <select id="nr-continue-to" value={to} onChange={(e) => setTo((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">Choose a page…</option>
          {pages.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.title} ({p.slug})
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="nr-continue-notice"
        label="Notice for readers"
        hint={`Leave empty for: ${DEFAULT_CONTINUATION_NOTICE}`}
        value={notice}
        onValue={setNotice}
        maxLength={500}
      />
      <FormError message={error} />
      <div class="nr-actions">
        <ConfirmButton
          label="Continue coverage there"
          disabled={!to}
          question={`End coverage here and send readers to “${pages.find((p) => p.slug === to)?.title ?? to}”? This cannot be undone.`}
          confirm="Yes, continue there"
          onConfirm={() => act('continue', { to, ...(notice.trim() ? { notice: notice.trim() } : {}) }, 'Coverage continues on the new page.')}
        />
        <ConfirmButton label="End coverage" question="End this page's live coverage?" confirm="Yes, end it" onConfirm={() => act('end', undefined, 'Coverage ended.')} />
      </div>
    </fieldset>
    </>
  );
}

/** A field's value in words, for the conflict view. */
function describe(f: Field, p: ApiPage): string {
  const v = pageValues(p)[f];
  if (f === 'summary') return (v as string[]).join(' · ') || '(none)';
  if (f === 'featuredMedia') return p.featuredMedia ? `${p.featuredMedia.type} ${p.featuredMedia.src}` : '(none)';
  return (v as string | null) ?? '(none)';
}
