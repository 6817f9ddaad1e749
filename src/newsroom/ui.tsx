/** Small shared pieces of the newsroom UI: labelled fields, inline errors, times, two-step buttons. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { dateFormat } from './zoned-time.js';

/** "27 Feb, 15:46": a time in the journalist's own zone and language. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return dateFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(d);
}

export function Time({ iso, prefix }: { iso: string | null | undefined; prefix?: string }) {
  if (!iso) return null;
  return (
    <time dateTime={iso}>
      {prefix ? `${prefix} ` : ''}
      {formatTime(iso)}
    </time>
  );
}

/** An error tied to a field by id (the field names it in aria-describedby). */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} class="nr-field__error">
      {message}
    </p>
  ) : null;
}

/** A form-level error, announced when it appears. */
export function FormError({ message }: { message: string | undefined | null }) {
  return message ? (
    <p class="nr-error" role="alert">
      {message}
    </p>
  ) : null;
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onValue: (v: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  multiline?: boolean;
  type?: 'text' | 'url' | 'email' | 'password' | 'search';
  maxLength?: number;
  placeholder?: string;
  autoComplete?: string;
  required?: boolean;
  class?: string;
}

/** A labelled input (or textarea) with its hint and error wired for assistive technology. */
export function TextField({ id, label, value, onValue, error, hint, multiline, class: cls, type = 'text', ...rest }: TextFieldProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': described,
    onInput: (e: Event) => onValue((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class={`nr-field ${cls ?? ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="nr-field__hint">
          {hint}
        </p>
      )}
      {multiline ? <textarea {...rest} {...common} rows={3} /> : <input type={type} {...rest} {...common} />}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function Checkbox(props: { id: string; label: string; checked: boolean; onChecked: (v: boolean) => void; disabled?: boolean; hint?: string | undefined }) {
  const { id, hint } = props;
  return (
    <div class="nr-check-wrap">
      <div class="nr-check">
        <input
          id={id}
          type="checkbox"
          checked={props.checked}
          disabled={props.disabled}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(e) => props.onChecked((e.currentTarget as HTMLInputElement).checked)}
        />
        <label for={id}>{props.label}</label>
      </div>
      {hint && (
        <p id={`${id}-hint`} class="nr-field__hint nr-check__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * A button that asks before doing something hard to undo: the first press shows the
 * question with a confirming and a cancelling button (never window.confirm, which
 * blocks the page and that automation dismisses).
 */
export function ConfirmButton(props: {
  label: string;
  question: string;
  confirm: string;
  onConfirm: () => void | Promise<void>;
  class?: string;
  /** An accessible name more specific than the label ("Deactivate Night Desk"). */
  ariaLabel?: string;
  disabled?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button type="button" class={props.class ?? 'nr-button'} aria-label={props.ariaLabel} disabled={props.disabled} onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  return (
    <span class="nr-confirm" role="group" aria-label={props.question}>
      <span class="nr-confirm__q">{props.question}</span>
      <button
        ref={yes}
        type="button"
        class="nr-button nr-button--danger"
        onClick={async () => {
          setAsking(false);
          await props.onConfirm();
        }}
      >
        {props.confirm}
      </button>
      <button type="button" class="nr-button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}

/** A polite live region for "Published.", "Draft saved." and the like; present from the start. */
export function Announcer({ message }: { message: string }) {
  return (
    <p class="nr-status" role="status" aria-live="polite">
      {message}
    </p>
  );
}
