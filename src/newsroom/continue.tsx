/**
 * "Continue on a new page" in one step: the new title (address suggested), what to carry
 * over (summary, featured media, pinned post), and one request that creates the page,
 * ends this one with the notice and links the two; then the new page's desk opens.
 */
import { useState } from 'preact/hooks';
import { ApiError, messageOf } from './api.js';
import { DEFAULT_CONTINUATION_NOTICE } from './constants.js';
import { useApp } from './context.js';
import { slugFrom } from './pages-list.js';
import { deskHref } from './route.js';
import type { ApiPage } from './types.js';
import { Checkbox, ConfirmButton, FormError, TextField } from './ui.js';

export function ContinueOnNewPage({ page, onChanged }: { page: ApiPage; onChanged: (message: string) => void }) {
  const { api, navigate } = useApp();
  const [title, setTitle] = useState(page.title);
  const [slug, setSlug] = useState<string | null>(null); // null: follow the title
  const [copy, setCopy] = useState({ summary: true, featuredMedia: true, pinned: true });
  const [notice, setNotice] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const address = slug ?? suggest(page.slug, title);

  const go = async () => {
    if (!title.trim()) return setErrors({ title: 'Give the new page a title.' });
    setErrors({});
    try {
      const body = { to: { slug: address, title: title.trim() }, copy, ...(notice.trim() ? { notice: notice.trim() } : {}) };
      const res = await api.send<ApiPage & { next: ApiPage }>('POST', `/api/v1/pages/${page.slug}/continue`, body);
      onChanged(`Coverage continues on “${res.next.title}”.`);
      navigate(deskHref(res.next.slug));
    } catch (e) {
      const field = e instanceof ApiError ? (e.field ?? '') : '';
      setErrors({ [field.startsWith('to.slug') ? 'slug' : field === 'to.title' ? 'title' : 'form']: messageOf(e) });
    }
  };

  return (
    <fieldset class="nr-fieldset nr-continue">
      <legend>Continue on a new page</legend>
      <TextField id="nr-next-title" label="Title of the new page" value={title} onValue={setTitle} maxLength={200} error={errors.title} />
      <TextField id="nr-next-slug" label="Address of the new page" hint={`Readers find it at /live/${address || '…'}`} value={address} onValue={setSlug} maxLength={80} error={errors.slug} />
      <Checkbox id="nr-next-summary" label="Copy the summary" checked={copy.summary} onChecked={(v) => setCopy({ ...copy, summary: v })} />
      <Checkbox id="nr-next-media" label="Copy the featured media" checked={copy.featuredMedia} onChecked={(v) => setCopy({ ...copy, featuredMedia: v })} />
      <Checkbox id="nr-next-pinned" label="Copy the pinned post" checked={copy.pinned} onChecked={(v) => setCopy({ ...copy, pinned: v })} />
      <TextField
        id="nr-next-notice"
        label="Notice for readers of this page"
        hint={`Leave empty for: ${DEFAULT_CONTINUATION_NOTICE}`}
        value={notice}
        onValue={setNotice}
        maxLength={500}
      />
      <FormError message={errors.form} />
      <ConfirmButton
        label="Continue on a new page"
        question={`Create “${title.trim() || '…'}” at /live/${address}, end coverage here and send readers there?`}
        confirm="Yes, continue there"
        onConfirm={go}
      />
    </fieldset>
  );
}

/** The new page's address: from its title, or this page's with a number ("storm-2", "storm-3"). */
export function suggest(current: string, title: string): string {
  const fromTitle = slugFrom(title);
  if (fromTitle && fromTitle !== current) return fromTitle;
  const m = /^(.*?)-(\d+)$/.exec(current);
  return m ? `${m[1]}-${Number(m[2]) + 1}` : `${current}-2`.slice(0, 80);
}
