/**
 * The composer's smaller pieces: the label picker (without "Key event", which is the
 * checkbox), the scheduled-time field, the question Publish asks when a time is set,
 * the preview, and where an API error belongs.
 */
import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, messageOf } from './api.js';
import { describeBlock, docToBlocks } from './blocks.js';
import { LABEL_NAMES, LABELS } from './constants.js';
import type { PostFields } from './post-fields.js';
import type { Label } from './types.js';
import { FieldError } from './ui.js';
import { clockText, formatInZone, instantOf, parseClock, usesTwelveHours, wallTimeOf, zoneCity, zoneName } from './zoned-time.js';

/** The page's time zone and locale: scheduled times are shown and taken in them. */
export interface PageZone {
  timeZone: string;
  locale: string;
}

/** Set by the desk for its page; outside one, the browser's own. */
export const PageZoneContext = createContext<PageZone | null>(null);

export function usePageZone(): PageZone {
  return useContext(PageZoneContext) ?? { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, locale: navigator.language };
}

/** "Sunday 7 December, 14:30 Eastern Standard Time", or '' for no time. */
export const zonedTime = (iso: string | null, zone: PageZone): string => (iso ? formatInZone(iso, zone.timeZone, zone.locale) : '');

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

/**
 * The scheduled time, in the page's zone and clock: a date and a time typed as the
 * page's readers read times (24-hour unless its locale uses 12), said back in full with
 * the zone's name. `value` is an ISO instant ('' for none); half-typed times are kept
 * here and give ''.
 */
export function ScheduleField({ id, value, onValue, error }: { id: string; value: string; onValue: (v: string) => void; error: string | undefined }) {
  const zone = usePageZone();
  const twelve = usesTwelveHours(zone.locale);
  const shown = (iso: string) => {
    const w = iso ? wallTimeOf(iso, zone.timeZone) : null;
    return { date: w?.date ?? '', time: w ? clockText(w.hour, w.minute, twelve) : '' };
  };
  const [typed, setTyped] = useState(() => shown(value));
  const [clockProblem, setClockProblem] = useState(false);
  const sent = useRef(value);
  // Changed from outside (a colleague's version, a restored draft): show it.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setTyped(shown(value));
    }
  }, [value]);
  const change = (next: { date: string; time: string }) => {
    setTyped(next);
    const clock = parseClock(next.time);
    setClockProblem(next.time.trim() !== '' && !clock);
    const iso = clock && next.date ? (instantOf({ date: next.date, ...clock }, zone.timeZone) ?? '') : '';
    sent.current = iso;
    onValue(iso);
  };
  const example = twelve ? '2:30 PM' : '14:30';
  const city = zoneCity(zone.timeZone);
  const message = error ?? (clockProblem ? `Type the time as ${example}.` : undefined);
  const described = [`${id}-zone`, message ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset class="nr-fieldset nr-schedule">
      <legend>Scheduled time</legend>
      <p class="nr-field__hint" id={`${id}-zone`}>
        In {city} time ({zoneName(value || new Date().toISOString(), zone.timeZone, zone.locale)}), as readers of this page see it.
      </p>
      <div class="nr-schedule__row">
        <div class="nr-field">
          <label for={id}>Date</label>
          <input
            id={id}
            type="date"
            value={typed.date}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={described}
            onInput={(e) => change({ ...typed, date: (e.currentTarget as HTMLInputElement).value })}
          />
        </div>
        <div class="nr-field">
          <label for={`${id}-time`}>Time</label>
          <input
            id={`${id}-time`}
            type="text"
            inputMode="text"
            autoComplete="off"
            size={8}
            placeholder={example}
            value={typed.time}
            aria-invalid={message ? 'true' : undefined}
            aria-describedby={described}
            onInput={(e) => change({ ...typed, time: (e.currentTarget as HTMLInputElement).value })}
            // Said back in the page's clock once typed: "1430" becomes "14:30".
            onBlur={() => value && setTyped(shown(value))}
          />
        </div>
      </div>
      {value && <p class="nr-schedule__when">Goes live {zonedTime(value, zone)}.</p>}
      <FieldError id={`${id}-error`} message={message} />
    </fieldset>
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
