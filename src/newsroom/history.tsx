/**
 * A post's history on the desk: every version with who made it, when and what it changed,
 * an earlier one restorable (as a new version: history only grows), and the correction
 * note readers see with the post.
 */
import { useEffect, useState } from 'preact/hooks';
import { isConflict, messageOf } from './api.js';
import { useApp } from './context.js';
import type { ApiPost } from './types.js';
import { FormError, TextField, Time } from './ui.js';

interface Version {
  version: number;
  at: string;
  by: { id: string; name: string } | null;
  changed: string[];
  data: { title: string };
}

const FIELD_NAMES: Record<string, string> = {
  title: 'title',
  body: 'text',
  label: 'label',
  contributors: 'byline',
  keyEvent: 'key event',
  correction: 'correction note',
  status: 'status',
  pinned: 'pin',
  scheduledFor: 'schedule',
  publishedAt: 'time',
};

/** What a version did, in words. */
export const describeChange = (v: Pick<Version, 'changed' | 'version'>): string =>
  v.version === 1 || v.changed.length === 0 ? (v.version === 1 ? 'Created' : 'Saved') : `Changed ${v.changed.map((f) => FIELD_NAMES[f] ?? f).join(', ')}`;

export function PostHistory({ post, onChanged }: { post: ApiPost; onChanged: (message: string) => void }) {
  const { api } = useApp();
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .get<{ versions: Version[] }>(`/api/v1/posts/${post.id}/history`)
      .then((r) => setVersions(r.versions))
      .catch((e) => setError(messageOf(e)));
  }, [post.id, post.version]);

  const restore = async (v: Version) => {
    setError(null);
    try {
      await api.send('POST', `/api/v1/posts/${post.id}/restore`, { version: v.version }, { 'if-match': `"${post.version}"` });
      onChanged(`Version ${v.version} of “${v.data.title}” restored, as a new version.`);
    } catch (e) {
      setError(isConflict(e) ? 'A colleague changed this post a moment ago; its history now shows their version. Try again.' : messageOf(e));
      if (isConflict(e)) onChanged('');
    }
  };

  return (
    <section class="nr-history" aria-label={`History of “${post.title}”`}>
      <FormError message={error} />
      {versions === null ? (
        !error && <p class="nr-muted">Loading the history…</p>
      ) : (
        <ol class="nr-history__list" reversed>
          {versions.map((v) => (
            <li key={v.version}>
              <strong>Version {v.version}</strong> · <Time iso={v.at} /> · {v.by?.name ?? 'the scheduler'} · {describeChange(v)}{' '}
              {v.version !== post.version && (
                <button type="button" class="nr-button nr-button--small" onClick={() => void restore(v)}>
                  Restore version {v.version}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Adds, changes or removes the correction note readers see with the post. */
export function CorrectionForm({ post, onChanged, onClose }: { post: ApiPost; onChanged: (message: string) => void; onClose: () => void }) {
  const { api } = useApp();
  const [text, setText] = useState(post.correction?.text ?? '');
  const [error, setError] = useState<string | undefined>();
  const send = async (value: string | null) => {
    if (value !== null && !value.trim()) return setError('Say what was corrected.');
    try {
      await api.send('PATCH', `/api/v1/posts/${post.id}`, { correction: value === null ? null : value.trim() }, { 'if-match': `"${post.version}"` });
      onChanged(value === null ? 'Correction note removed.' : `Correction added to “${post.title}”; readers see it with the post.`);
      onClose();
    } catch (e) {
      setError(isConflict(e) ? 'A colleague changed this post a moment ago. Try again.' : messageOf(e));
    }
  };
  return (
    <div class="nr-correction">
      <TextField
        id={`nr-correction-${post.id}`}
        label="Correction note"
        hint="Shown to readers with the post as “Correction: …”, with its time."
        value={text}
        onValue={setText}
        maxLength={500}
        error={error}
      />
      <div class="nr-actions">
        <button type="button" class="nr-button nr-button--primary" onClick={() => void send(text)}>
          {post.correction ? 'Update correction' : 'Add correction'}
        </button>
        {post.correction && (
          <button type="button" class="nr-button" onClick={() => void send(null)}>
            Remove correction
          </button>
        )}
        <button type="button" class="nr-button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}
