/**
 * The composer's folded options row: label, contributors, key event, pin and the scheduled
 * time. Rarely changed, so folded; the summary line says what is set, so nothing is hidden
 * by surprise, and a problem inside the fold opens it, so its message is seen.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LabelPicker, ScheduleField, usePageZone, zonedTime, type Errors } from './composer-parts.js';
import { Contributors } from './contributors.js';
import { scheduledInstant, type TypedContributor } from './post-fields.js';
import type { Contributor, Label } from './types.js';
import { Checkbox } from './ui.js';

export interface ComposerOptionsProps {
  id: string;
  open: boolean;
  onOpen: (open: boolean) => void;
  label: Label | '';
  onLabel: (l: Label | '') => void;
  contributors: Contributor[];
  onContributors: (c: Contributor[]) => void;
  typed: TypedContributor;
  onTyped: (t: TypedContributor) => void;
  savedContributors: Contributor[];
  team: Contributor[];
  keyEvent: boolean;
  onKeyEvent: (on: boolean) => void;
  pinned: boolean;
  /** Whether this composer offers the Pin box (an edit in place does not). */
  canPin: boolean;
  onPinned: (on: boolean) => void;
  pinNote?: string | undefined;
  scheduledFor: string;
  /** Whether this composer offers the scheduled time. */
  canSchedule: boolean;
  onScheduledFor: (v: string) => void;
  /** A time is filled in on a new post: it will be scheduled, so it cannot be pinned now. */
  timed: boolean;
  errors: Errors;
  /** Extra fields first (e.g. snippets, a correction note). */
  children?: ComponentChildren;
}

export function ComposerOptions(p: ComposerOptionsProps) {
  const { id, errors, timed } = p;
  const zone = usePageZone();
  const summary = [
    p.contributors.length > 0 ? `By ${p.contributors.map((c) => c.name).join(', ')}` : 'No byline',
    p.label && `Label: ${p.label}`,
    p.keyEvent && 'Key event',
    p.pinned && !timed && 'Pinned',
    p.scheduledFor.trim() && `Scheduled ${zonedTime(scheduledInstant(p.scheduledFor), zone)}`,
  ]
    .filter(Boolean)
    .join(' · ');
  useEffect(() => {
    if (errors.contributors || errors.scheduledFor) p.onOpen(true);
  }, [errors.contributors, errors.scheduledFor]);
  // The fields are made the first time the fold opens, not as the desk starts (the schedule's
  // clock alone makes four Intl formatters), and kept after, so nothing typed is lost on closing.
  const [made, setMade] = useState(p.open);
  if (p.open && !made) setMade(true);
  const pinHint = timed
    ? 'A scheduled post cannot be pinned: pin it once it is live.'
    : ['Applies when you publish now; drafts and scheduled posts are not pinned.', p.pinNote].filter(Boolean).join(' ');
  return (
    <details class="nr-composer__options" open={p.open} onToggle={(e) => p.onOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        <span class="nr-composer__options-title">Options</span> <span class="nr-muted">{summary}</span>
      </summary>
      {(made || p.open) && (
        <div class="nr-composer__meta">
          {p.children}
          <LabelPicker id={`${id}-label`} value={p.label} onValue={p.onLabel} />
          <Contributors
            idPrefix={`${id}-contrib`}
            value={p.contributors}
            saved={p.savedContributors}
            onChange={p.onContributors}
            typed={p.typed}
            onTyped={p.onTyped}
            error={errors.contributors}
            team={p.team}
          />
          <div class="nr-composer__toggles">
            <Checkbox
              id={`${id}-key`}
              label="Key event"
              checked={p.keyEvent}
              onChecked={p.onKeyEvent}
              hint="Listed among the page’s key events, and labelled Key event unless it has another label."
            />
            {p.canPin && <Checkbox id={`${id}-pin`} label="Pin to the top of the page" checked={p.pinned && !timed} disabled={timed} onChecked={p.onPinned} hint={pinHint} />}
          </div>
          {p.canSchedule && <ScheduleField id={`${id}-when`} value={p.scheduledFor} onValue={p.onScheduledFor} error={errors.scheduledFor} />}
        </div>
      )}
    </details>
  );
}
