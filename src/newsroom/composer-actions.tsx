/**
 * The composer's action bar, sticky at the bottom of the screen while writing: Publish is
 * always in reach, and what it did (or why it could not) shows here, where the journalist
 * is looking. The primary button says its shortcut (Ctrl/Cmd+Enter); a button shows "…"
 * while its action runs, and none can be pressed twice meanwhile.
 */
import type { PostAction } from './post-fields.js';
import { FormError } from './ui.js';

export interface ComposerAction {
  action: PostAction;
  label: string;
}

export interface ComposerActionsProps {
  actions: ComposerAction[];
  primary: PostAction | undefined;
  busy: PostAction | null;
  error?: string | undefined;
  done?: { message: string; url?: string | undefined } | null | undefined;
  onRun: (action: PostAction) => void;
  onPreview: () => void;
  onCancel?: (() => void) | undefined;
}

export function ComposerActions(p: ComposerActionsProps) {
  return (
    <div class="nr-actions nr-composer__actions">
      <FormError message={p.error} />
      {p.done && !p.error && (
        <p class="nr-composer__done">
          {p.done.message}{' '}
          {p.done.url && (
            <a href={p.done.url} target="_blank" rel="noopener">
              See it as readers do
            </a>
          )}
        </p>
      )}
      {p.actions.map((a) => (
        <button
          key={a.action}
          type="button"
          class={`nr-button${a.action === p.primary ? ' nr-button--primary' : ''}`}
          disabled={p.busy !== null}
          aria-keyshortcuts={a.action === p.primary ? 'Control+Enter Meta+Enter' : undefined}
          onClick={() => p.onRun(a.action)}
        >
          {p.busy === a.action ? `${a.label}…` : a.label}
        </button>
      ))}
      <button type="button" class="nr-button" onClick={p.onPreview}>
        Preview
      </button>
      {p.onCancel && (
        <button type="button" class="nr-button" onClick={p.onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
