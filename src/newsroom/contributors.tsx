/**
 * Who wrote a post: pick saved contributor profiles (name and role line) or type a new
 * one. A name that matches a saved profile fills in its role. What is typed in the boxes
 * belongs to the composer, which adds it on sending even if "Add contributor" was not
 * pressed (withTypedContributor).
 */
import { useState } from 'preact/hooks';
import { withTypedContributor, type TypedContributor } from './post-fields.js';
import type { Contributor } from './types.js';

export interface ContributorsProps {
  idPrefix: string;
  value: Contributor[];
  saved: Contributor[];
  onChange: (next: Contributor[]) => void;
  /** The name and role boxes' contents. */
  typed: TypedContributor;
  onTyped: (typed: TypedContributor) => void;
  /** A problem found by the composer (e.g. an 11th contributor on sending). */
  error?: string | undefined;
  /** Colleagues' bylines, each one tap away. */
  team?: Contributor[];
}

export function Contributors({ idPrefix: id, value, saved, onChange, typed, onTyped, error: outer, team = [] }: ContributorsProps) {
  const { name, role } = typed;
  const [own, setError] = useState<string>();
  const error = own ?? outer;
  const add = () => {
    if (!name.trim()) return setError('Type a name, or pick one from the list.');
    const r = withTypedContributor(value, typed);
    if (r.problem) return setError(r.problem);
    if (r.contributors !== value) onChange(r.contributors);
    onTyped({ name: '', role: '' });
    setError(undefined);
    document.getElementById(`${id}-name`)?.focus();
  };
  const onName = (v: string) => {
    const match = saved.find((s) => s.name === v);
    onTyped({ name: v, role: match && !role ? (match.role ?? '') : role });
    setError(undefined);
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
      {team.some((t) => !value.some((v) => v.name === t.name)) && (
        <p class="nr-contributors__team">
          <span class="nr-muted">Add a colleague:</span>{' '}
          {team
            .filter((t) => !value.some((v) => v.name === t.name))
            .slice(0, 12)
            .map((t) => (
              <button key={t.name} type="button" class="nr-button nr-button--small" onClick={() => value.length < 10 && onChange([...value, t])}>
                {t.name}
              </button>
            ))}
        </p>
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
            onInput={(e) => onTyped({ name, role: (e.currentTarget as HTMLInputElement).value })}
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
