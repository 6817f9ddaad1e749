/**
 * Who wrote a post: pick saved contributor profiles (name and role line) or type a new
 * one. A name that matches a saved profile fills in its role.
 */
import { useState } from 'preact/hooks';
import type { Contributor } from './types.js';

export interface ContributorsProps {
  idPrefix: string;
  value: Contributor[];
  saved: Contributor[];
  onChange: (next: Contributor[]) => void;
}

const same = (a: Contributor, b: Contributor) => a.name === b.name && (a.role ?? '') === (b.role ?? '');

export function Contributors({ idPrefix: id, value, saved, onChange }: ContributorsProps) {
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [error, setError] = useState<string>();
  const add = () => {
    const c: Contributor = { name: name.trim(), ...(role.trim() ? { role: role.trim() } : {}) };
    if (!c.name) return setError('Type a name, or pick one from the list.');
    if (value.length >= 10) return setError('A post has at most 10 contributors.');
    if (!value.some((v) => same(v, c))) onChange([...value, c]);
    setName('');
    setRole('');
    setError(undefined);
    document.getElementById(`${id}-name`)?.focus();
  };
  const onName = (v: string) => {
    setName(v);
    const match = saved.find((s) => s.name === v);
    if (match && !role) setRole(match.role ?? '');
  };
  const enterAdds = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      add();
    }
  };
  return (
    <fieldset class="nr-contributors">
      <legend>Contributors</legend>
      {value.length > 0 && (
        <ul class="nr-chips">
          {value.map((c, i) => (
            <li key={`${c.name}|${c.role ?? ''}`} class="nr-chip">
              <span>
                {c.name}
                {c.role ? <span class="nr-chip__role">, {c.role}</span> : null}
              </span>
              <button type="button" class="nr-chip__remove" aria-label={`Remove ${c.name}`} onClick={() => onChange(value.filter((_, k) => k !== i))}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="nr-contributors__add">
        <div class="nr-field">
          <label for={`${id}-name`}>Contributor name</label>
          <input
            id={`${id}-name`}
            type="text"
            list={`${id}-saved`}
            value={name}
            maxLength={100}
            autoComplete="off"
            aria-describedby={error ? `${id}-error` : undefined}
            onInput={(e) => onName((e.currentTarget as HTMLInputElement).value)}
            onKeyDown={enterAdds}
          />
          <datalist id={`${id}-saved`}>
            {saved.map((s) => (
              <option key={`${s.name}|${s.role ?? ''}`} value={s.name}>
                {s.role ?? ''}
              </option>
            ))}
          </datalist>
        </div>
        <div class="nr-field">
          <label for={`${id}-role`}>Contributor role</label>
          <input
            id={`${id}-role`}
            type="text"
            value={role}
            maxLength={200}
            placeholder="e.g. Defence correspondent"
            onInput={(e) => setRole((e.currentTarget as HTMLInputElement).value)}
            onKeyDown={enterAdds}
          />
        </div>
        <button type="button" class="nr-button" onClick={add}>
          Add contributor
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} class="nr-field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
