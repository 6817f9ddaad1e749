/**
 * A person's byline (PATCH /api/v1/users/{id}/byline): the name readers see, a role line
 * ("Defence correspondent"), a photo uploaded through the media pipeline (POST
 * /api/v1/media, stored as its 320-wide JPEG: a byline photo is shown small), and whether
 * the composer starts with it. People edit their own (My byline); admins anyone's (People).
 * Only what was changed is sent.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, messageOf } from './api.js';
import { useApp } from './context.js';
import { PhotoFileButton } from './image-picker.js';
import { percent, thumbnailSrc, uploadFailure, type MediaItem } from './media-upload.js';
import type { User } from './types.js';
import { Announcer, Checkbox, FormError, TextField } from './ui.js';

type Byline = User['byline'];

/** The fields of `next` that differ from `was`, as the API takes them (blank role or photo: null). */
export function bylineChanges(was: Byline, next: Byline): Partial<Byline> {
  const out: Partial<Byline> = {};
  if (next.name.trim() !== was.name) out.name = next.name.trim();
  const role = next.role?.trim() || null;
  if (role !== was.role) out.role = role;
  if ((next.photo || null) !== was.photo) out.photo = next.photo || null;
  if (next.byDefault !== was.byDefault) out.byDefault = next.byDefault;
  return out;
}

export function BylineForm({ user, mine, onSaved }: { user: User; mine: boolean; onSaved: (user: User, message: string) => void }) {
  const { api } = useApp();
  const id = `nr-byline-${user.id}`;
  const [b, setB] = useState<Byline>(user.byline);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<string | null>(null);

  const upload = (file: File) => {
    const local = URL.createObjectURL(file);
    setPreview(local);
    setErrors({});
    const form = new FormData();
    form.append('file', file, file.name || 'photo');
    setProgress(0);
    api
      .upload<MediaItem>('/api/v1/media', form, setProgress)
      .done.then((item) => setB((was) => ({ ...was, photo: thumbnailSrc(item) })), (e) => setErrors({ photo: uploadFailure(e) }))
      .finally(() => {
        setProgress(null);
        setPreview(null);
        URL.revokeObjectURL(local);
      });
  };

  const save = async () => {
    if (b.name.trim() === '') return setErrors({ name: 'Give the name readers see on posts.' });
    const change = bylineChanges(user.byline, b);
    if (Object.keys(change).length === 0) return onSaved(user, 'Nothing to save: the byline is as it was.');
    setBusy(true);
    try {
      const r = await api.send<{ user: User }>('PATCH', `/api/v1/users/${user.id}/byline`, change);
      setErrors({});
      setB(r.user.byline);
      onSaved(r.user, mine ? 'Your byline is saved.' : `${r.user.byline.name}’s byline is saved.`);
    } catch (e) {
      const field = e instanceof ApiError ? e.field : undefined;
      setErrors(field === 'name' || field === 'role' || field === 'photo' ? { [field]: messageOf(e) } : { form: messageOf(e) });
    } finally {
      setBusy(false);
    }
  };

  const shown = preview ?? b.photo;
  return (
    <form class="nr-byline-form" noValidate aria-label={mine ? 'My byline' : `Byline of ${user.name}`} onSubmit={(e) => (e.preventDefault(), void save())}>
      <TextField id={`${id}-name`} label="Name on posts" value={b.name} maxLength={100} onValue={(name) => setB({ ...b, name })} error={errors.name} />
      <TextField
        id={`${id}-role`}
        label="Role line"
        value={b.role ?? ''}
        maxLength={200}
        placeholder="Defence correspondent"
        hint="Shown under the name, e.g. Defence correspondent (optional)."
        onValue={(role) => setB({ ...b, role })}
        error={errors.role}
      />
      <fieldset class="nr-byline-form__photo">
        <legend>Photo</legend>
        {shown ? <img src={shown} alt="" width={64} height={64} class="nr-byline-form__img" /> : <p class="nr-muted">No photo: the byline shows the name alone.</p>}
        {progress !== null && (
          <p role="status">
            <progress max={100} value={Math.round(progress * 100)} aria-label="Uploading the photo" /> {percent(progress)}
          </p>
        )}
        <div class="nr-actions">
          <PhotoFileButton id={`${id}-file`} label={b.photo ? 'Choose another photo' : 'Choose a photo'} onFile={upload} />
          {b.photo && (
            <button type="button" class="nr-button" onClick={() => setB({ ...b, photo: null })}>
              Remove photo
            </button>
          )}
        </div>
        {errors.photo && <p class="nr-field__error">{errors.photo}</p>}
      </fieldset>
      <Checkbox
        id={`${id}-default`}
        label={mine ? 'Start my posts with this byline' : 'Their posts start with this byline'}
        checked={b.byDefault}
        onChecked={(byDefault) => setB({ ...b, byDefault })}
        hint="The composer adds it as contributor; it can be removed from any post."
      />
      <FormError message={errors.form} />
      <div class="nr-actions">
        <button type="submit" class="nr-button nr-button--primary" disabled={busy || progress !== null}>
          {busy ? 'Saving…' : 'Save byline'}
        </button>
      </div>
    </form>
  );
}

/** My byline, from the newsroom's menu. */
export function MyByline() {
  const { api, me } = useApp();
  const [user, setUser] = useState<User | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    document.title = 'My byline – livepage newsroom';
    api
      .get<{ user: User | null }>('/api/v1/me')
      .then((r) => setUser(r.user))
      .catch((e) => setError(messageOf(e)));
  }, []);
  return (
    <div class="nr-page">
      <h1 tabIndex={-1}>My byline</h1>
      <p class="nr-muted">How readers see you credited on posts.</p>
      <Announcer message={message} />
      <FormError message={error} />
      {user && user.id === me.id && <BylineForm user={user} mine onSaved={(u, m) => (setUser(u), setMessage(m))} />}
    </div>
  );
}
