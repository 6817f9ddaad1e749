/**
 * The composer's smaller pieces: the label picker (without "Key event", which is the
 * checkbox), the scheduled-time field, the question Publish asks when a time is set,
 * the preview, and where an API error belongs.
 */
import { useEffect, useRef } from 'preact/hooks';
import { ApiError, messageOf } from './api.js';
import { describeBlock, docToBlocks } from './blocks.js';
import { LABEL_NAMES, LABELS } from './constants.js';
import type { PostFields } from './post-fields.js';
import type { Label } from './types.js';
import { FieldError } from './ui.js';

export type Errors = Partial<Record<'title' | 'body' | 'scheduledFor' | 'contributors' | 'form', string>>;

/** Where an API error belongs: `body.2.alt` is the third block's, shown with the body. */
export function errorsFromApi(e: unknown, fields: PostFields): Errors {
  if (!(e instanceof ApiError)) return { form: messageOf(e) };
  const field = e.field ?? '';
  if (field === 'title') return { title: e.message };
  if (field === 'scheduledFor') return { scheduledFor: e.message };
  if (field === 'body' || field.startsWith('body.')) {
    const index = Number(field.split('.')[1]);
    const block = Number.isInteger(index) ? docToBlocks(fields.doc)[index] : undefined;
    return { body: block ? `${describeBlock(block, index)}: ${e.message}` : e.message };
  }
  if (field === 'contributors' || field.startsWith('contributors.')) return { contributors: e.message };
  return { form: e.message };
}

/** "Key event" is the checkbox; the label of that name is what readers see on one (post-fields.ts). */
const PICKER_LABELS = LABELS.filter((l) => l !== 'key-event');

export function LabelPicker({ id, value, onValue }: { id: string; value: Label | ''; onValue: (v: Label | '') => void }) {
  return (
    <div class="nr-field">
      <label for={id}>Label</label>
      <select id={id} value={value} onChange={(e) => onValue((e.currentTarget as HTMLSelectElement).value as Label | '')}>
        <option value="">No label</option>
        {PICKER_LABELS.map((l) => (
          <option key={l} value={l}>
            {LABEL_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ScheduleField({ id, value, onValue, error }: { id: string; value: string; onValue: (v: string) => void; error: string | undefined }) {
  return (
    <div class="nr-field">
      <label for={id}>Scheduled time</label>
      <input
        id={id}
        type="datetime-local"
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** Publish pressed with a scheduled time filled in: going live now must be meant. */
export function GoLiveNow({ when, onYes, onKeep }: { when: string; onYes: () => void; onKeep: () => void }) {
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), []);
  return (
    <div class="nr-confirm nr-composer__ask" role="group" aria-label="Go live now?">
      <span class="nr-confirm__q">This post has a scheduled time ({when}). Send it to readers now instead?</span>
      <button ref={yes} type="button" class="nr-button nr-button--danger" onClick={onYes}>
        Yes, go live now
      </button>
      <button type="button" class="nr-button" onClick={onKeep}>
        Keep the time
      </button>
    </div>
  );
}

/** The post as readers would see it; marked while edits wait to be rendered again. */
export function Preview({ html, stale, onClose }: { html: string; stale: boolean; onClose: () => void }) {
  return (
    <section class="nr-preview" aria-label="Preview">
      <div class="nr-preview__head">
        <h3>
          Preview{stale && <span class="nr-preview__stale"> · out of date</span>}
        </h3>
        <button type="button" class="nr-button nr-button--small" onClick={onClose}>
          Close preview
        </button>
      </div>
      {/* HTML from our own reader renderer (escaping templates), never user HTML. */}
      <div class="lp-stream" dangerouslySetInnerHTML={{ __html: html }} />
    </section>
  );
}

const SHORTCUTS: [string, string][] = [
  ['Ctrl/⌘ + Enter', 'the first button: Publish, Submit for review or Save changes'],
  ['Enter in the title', 'go to the body'],
  ['Ctrl/⌘ + B, I, K', 'bold, italic, link'],
  ['Ctrl/⌘ + Z, Shift + Z', 'undo, redo'],
  ['Tab to the formatting toolbar, then arrow keys, Home, End', 'move between its buttons'],
];

/** The keyboard shortcuts, one click away under the composer. */
export function Shortcuts() {
  return (
    <details class="nr-shortcuts">
      <summary>Keyboard shortcuts</summary>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>{keys}</dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
