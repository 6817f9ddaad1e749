/** Admins manage people: add (with a password, or one generated and shown once), change role, edit bylines, deactivate. */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, messageOf } from './api.js';
import { atLeast, useApp } from './context.js';
import { BylineForm } from './byline-form.js';
import { ROLE_NAMES, ROLES } from './constants.js';
import type { Role, User } from './types.js';
import { Announcer, ConfirmButton, FormError, TextField } from './ui.js';

export function People() {
  const { api, me } = useApp();
  const [users, setUsers] = useState<User[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const load = () =>
    api
      .get<{ users: User[] }>('/api/v1/users')
      .then((r) => setUsers(r.users))
      .catch((e) => setError(messageOf(e)));
  useEffect(() => {
    document.title = 'People – livepage newsroom';
    if (atLeast(me.role, 'admin')) void load();
  }, []);
  if (!atLeast(me.role, 'admin'))
    return (
      <div class="nr-page">
        <h1 tabIndex={-1}>People</h1>
        <p>Only admins manage people.</p>
      </div>
    );
  const change = async (user: User, patch: Partial<Pick<User, 'role' | 'active'>>, done: string) => {
    setError(null);
    try {
      await api.send('PATCH', `/api/v1/users/${user.id}`, patch);
      setMessage(done);
    } catch (e) {
      setError(messageOf(e));
    }
    await load();
  };
  return (
    <div class="nr-page">
      <h1 tabIndex={-1}>People</h1>
      <Announcer message={message} />
      <FormError message={error} />
      {users && (
        <ul class="nr-people">
          {users.map((u) => (
            <li key={u.id} class={`nr-person${u.active ? '' : ' nr-person--inactive'}`}>
              <p class="nr-person__name">
                <strong>{u.name}</strong> <span class="nr-muted">{u.email}</span>
                {!u.active && <span class="nr-tag"> Deactivated</span>}
              </p>
              <PersonActions user={u} onChange={change} />
              <details class="nr-person__byline">
                <summary>
                  Byline: {u.byline.name}
                  {u.byline.role ? `, ${u.byline.role}` : ''}
                  {u.byline.photo ? ' (with photo)' : ''}
                </summary>
                <BylineForm user={u} mine={u.id === me.id} onSaved={(_, m) => (setMessage(m), void load())} />
              </details>
            </li>
          ))}
        </ul>
      )}
      <AddPerson onAdded={(m) => (setMessage(m), void load())} />
    </div>
  );
}

/**
 * A person's role and whether they may sign in. The role is chosen, then saved with its
 * own button (a select that saved on change promoted someone with one arrow key), and
 * deactivating asks first: it ends their sessions and tokens at once.
 */
function PersonActions({ user: u, onChange }: { user: User; onChange: (user: User, patch: Partial<Pick<User, 'role' | 'active'>>, done: string) => Promise<void> }) {
  const [role, setRole] = useState<Role>(u.role);
  useEffect(() => setRole(u.role), [u.role]);
  return (
    <div class="nr-person__actions">
      <label for={`nr-role-${u.id}`} class="visually-hidden">
        Role for {u.name}
      </label>
      <select id={`nr-role-${u.id}`} value={role} onChange={(e) => setRole((e.currentTarget as HTMLSelectElement).value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_NAMES[r]}
          </option>
        ))}
      </select>
      <button
        type="button"
        class="nr-button"
        aria-label={`Change role for ${u.name}`}
        disabled={role === u.role}
        onClick={() => void onChange(u, { role }, `${u.name} is now ${ROLE_NAMES[role].toLowerCase()}.`)}
      >
        Change role
      </button>
      {u.active ? (
        <ConfirmButton
          label="Deactivate"
          ariaLabel={`Deactivate ${u.name}`}
          question={`Deactivate ${u.name}? They are signed out and their API tokens stop working at once.`}
          confirm={`Yes, deactivate ${u.name}`}
          onConfirm={() => onChange(u, { active: false }, `${u.name} was deactivated; their sessions and tokens stopped working.`)}
        />
      ) : (
        <button type="button" class="nr-button" aria-label={`Reactivate ${u.name}`} onClick={() => void onChange(u, { active: true }, `${u.name} was reactivated.`)}>
          Reactivate
        </button>
      )}
    </div>
  );
}

function AddPerson({ onAdded }: { onAdded: (message: string) => void }) {
  const { api } = useApp();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('contributor');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [generated, setGenerated] = useState<{ email: string; password: string } | null>(null);
  const add = async () => {
    setGenerated(null);
    try {
      const r = await api.send<{ user: User; password?: string }>('POST', '/api/v1/users', { name: name.trim(), email: email.trim(), role, ...(password ? { password } : {}) });
      setErrors({});
      if (r.password) setGenerated({ email: r.user.email, password: r.password });
      setName('');
      setEmail('');
      setPassword('');
      onAdded(`${r.user.name} was added as ${ROLE_NAMES[r.user.role].toLowerCase()}.`);
    } catch (e) {
      const field = e instanceof ApiError && e.field && ['name', 'email', 'password'].includes(e.field) ? e.field : 'form';
      setErrors({ [field]: messageOf(e) });
    }
  };
  return (
    <section class="nr-card" aria-labelledby="nr-add-person">
      <h2 id="nr-add-person">Add a person</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <TextField id="nr-person-name" label="Name" value={name} onValue={setName} maxLength={100} error={errors.name} />
        <TextField id="nr-person-email" label="Email" type="email" value={email} onValue={setEmail} maxLength={254} error={errors.email} />
        <div class="nr-field">
          <label for="nr-person-role">Role</label>
          <select id="nr-person-role" value={role} onChange={(e) => setRole((e.currentTarget as HTMLSelectElement).value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_NAMES[r]}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id="nr-person-password"
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="Leave empty to generate one, shown once for you to pass on."
          value={password}
          onValue={setPassword}
          error={errors.password}
        />
        <FormError message={errors.form} />
        <button type="submit" class="nr-button nr-button--primary">
          Add person
        </button>
      </form>
      {generated && (
        <div class="nr-secret" role="status">
          <p>
            Password for {generated.email} (shown once, pass it on safely):
          </p>
          <input class="nr-secret__value" readOnly value={generated.password} aria-label={`Generated password for ${generated.email}`} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
        </div>
      )}
    </section>
  );
}
