/**
 * The composer: title, rich-text body (Tiptap), label, contributors, key-event and pin
 * toggles, and the actions (Publish / Submit for review / Save draft / Schedule, or
 * Save changes when editing). Used for new posts and for editing a post in place.
 * It checks what it can before asking the API and shows the API's own errors next to
 * the field they name.
 */
import type { Editor } from '@tiptap/core';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, messageOf } from './api.js';
import { describeBlock, docToBlocks } from './blocks.js';
import { Contributors } from './contributors.js';
import { createEditor } from './editor.js';
import { checkFields, type PostAction, type PostFields } from './post-fields.js';
import { Toolbar } from './toolbar.js';
import { LABEL_NAMES, type Contributor, type Label } from './types.js';
import { Checkbox, FieldError, FormError } from './ui.js';

export interface ComposerAction {
  action: PostAction;
  label: string;
}

export interface ComposerProps {
  /** Unique per composer on the page: element ids derive from it. */
  idPrefix: string;
  initial: PostFields;
  /** The buttons, in order; the first is the primary one, which Ctrl/Cmd+Enter presses. */
  actions: ComposerAction[];
  canPin: boolean;
  savedContributors: Contributor[];
  /** Called after every change (autosave). */
  onChange?: (fields: PostFields) => void;
  /** Does the action; an ApiError thrown is shown inline. */
  onAction: (action: PostAction, fields: PostFields) => Promise<void>;
  /** The post as readers would see it, as HTML from the reader renderer. */
  onPreview: (fields: PostFields) => Promise<string>;
  onCancel?: () => void;
  /** A quiet line under the buttons, e.g. "Saved in this browser". */
  note?: string;
  children?: ComponentChildren;
}

type Errors = Partial<Record<'title' | 'body' | 'scheduledFor' | 'form', string>>;

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
  return { form: e.message };
}

export function Composer(props: ComposerProps) {
  const { idPrefix: id } = props;
  const [title, setTitle] = useState(props.initial.title);
  const [label, setLabel] = useState<Label | ''>(props.initial.label);
  const [contributors, setContributors] = useState<Contributor[]>(props.initial.contributors);
  const [keyEvent, setKeyEvent] = useState(props.initial.keyEvent);
  const [pinned, setPinned] = useState(props.initial.pinned);
  const [scheduledFor, setScheduledFor] = useState(props.initial.scheduledFor);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState<PostAction | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [, setTick] = useState(0);
  const [linkRequest, setLinkRequest] = useState(0);
  const holder = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor | null>(null);
  const mounted = useRef(true);

  // The latest values, for callbacks registered once (the editor's events).
  const latest = useRef({ title, label, contributors, keyEvent, pinned, scheduledFor, props });
  latest.current = { title, label, contributors, keyEvent, pinned, scheduledFor, props };
  const current = (): PostFields => {
    const l = latest.current;
    return {
      title: l.title,
      doc: editorRef.current?.getJSON() ?? props.initial.doc,
      label: l.label,
      contributors: l.contributors,
      keyEvent: l.keyEvent,
      pinned: l.pinned,
      scheduledFor: l.scheduledFor,
    };
  };

  useEffect(() => {
    const ed = createEditor({
      element: holder.current!,
      content: props.initial.doc,
      labelledBy: `${id}-body-label`,
      describedBy: `${id}-body-error`,
      onLinkShortcut: () => setLinkRequest((n) => n + 1),
    });
    editorRef.current = ed;
    setEditor(ed);
    const rerender = () => setTick((n) => n + 1);
    ed.on('transaction', rerender);
    ed.on('update', () => latest.current.props.onChange?.(current()));
    return () => {
      mounted.current = false;
      editorRef.current = null;
      ed.destroy();
    };
  }, []);

  useEffect(() => {
    if (editorRef.current) props.onChange?.(current());
  }, [title, label, contributors, keyEvent, pinned, scheduledFor]);

  const primary = props.actions[0]?.action;

  async function run(action: PostAction) {
    if (busy) return;
    const fields = current();
    const problems = checkFields(fields, action);
    if (problems.length > 0) {
      const next: Errors = {};
      for (const p of problems) next[p.field] = next[p.field] ? `${next[p.field]} ${p.message}` : p.message;
      setErrors(next);
      focusFirstInvalid(next);
      return;
    }
    setErrors({});
    setBusy(action);
    try {
      await props.onAction(action, fields);
    } catch (e) {
      if (!mounted.current) return;
      const next = errorsFromApi(e, fields);
      setErrors(next);
      focusFirstInvalid(next);
    } finally {
      if (mounted.current) setBusy(null);
    }
  }

  function focusFirstInvalid(e: Errors) {
    // After the render that shows the messages.
    setTimeout(() => {
      if (e.title) document.getElementById(`${id}-title`)?.focus();
      else if (e.body) editorRef.current?.commands.focus();
      else if (e.scheduledFor) document.getElementById(`${id}-when`)?.focus();
    });
  }

  async function showPreview() {
    const fields = current();
    const problems = checkFields(fields, 'draft');
    if (problems.length > 0) {
      setErrors(Object.fromEntries(problems.map((p) => [p.field, p.message])));
      return;
    }
    try {
      const html = await props.onPreview(fields);
      if (mounted.current) {
        setErrors({});
        setPreview(html);
      }
    } catch (e) {
      if (mounted.current) setErrors(errorsFromApi(e, fields));
    }
  }

  const hasSchedule = props.actions.some((a) => a.action === 'schedule');
  return (
    <form
      class="nr-composer"
      noValidate
      onSubmit={(e) => e.preventDefault()}
      onKeyDownCapture={(e) => {
        // Ctrl/Cmd+Enter anywhere in the composer presses the primary button; it must win
        // over the editor's own Mod-Enter (a line break), hence the capture phase.
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && primary) {
          e.preventDefault();
          e.stopPropagation();
          void run(primary);
        }
      }}
    >
      <div class="nr-field">
        <label for={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          type="text"
          class="nr-composer__title"
          value={title}
          maxLength={200}
          autoComplete="off"
          aria-invalid={errors.title ? 'true' : undefined}
          aria-describedby={errors.title ? `${id}-title-error` : undefined}
          onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            // Enter in the title moves on to the body rather than sending the form.
            if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
              e.preventDefault();
              editorRef.current?.commands.focus('start');
            }
          }}
        />
        <FieldError id={`${id}-title-error`} message={errors.title} />
      </div>

      <div class="nr-field nr-editor">
        <span class="nr-label" id={`${id}-body-label`} onClick={() => editorRef.current?.commands.focus()}>
          Body
        </span>
        {editor && <Toolbar editor={editor} idPrefix={id} linkRequest={linkRequest} />}
        <div class={`nr-editor__frame${errors.body ? ' nr-editor__frame--invalid' : ''}`} id={`${id}-body`} ref={holder} />
        <FieldError id={`${id}-body-error`} message={errors.body} />
      </div>

      <div class="nr-composer__meta">
        <div class="nr-field">
          <label for={`${id}-label`}>Label</label>
          <select id={`${id}-label`} value={label} onChange={(e) => setLabel((e.currentTarget as HTMLSelectElement).value as Label | '')}>
            <option value="">No label</option>
            {Object.entries(LABEL_NAMES).map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <Contributors idPrefix={`${id}-contrib`} value={contributors} saved={props.savedContributors} onChange={setContributors} />
        <div class="nr-composer__toggles">
          <Checkbox id={`${id}-key`} label="Key event" checked={keyEvent} onChecked={setKeyEvent} />
          {props.canPin && <Checkbox id={`${id}-pin`} label="Pin to the top of the page" checked={pinned} onChecked={setPinned} />}
        </div>
        {hasSchedule && (
          <div class="nr-field">
            <label for={`${id}-when`}>Scheduled time</label>
            <input
              id={`${id}-when`}
              type="datetime-local"
              value={scheduledFor}
              aria-invalid={errors.scheduledFor ? 'true' : undefined}
              aria-describedby={errors.scheduledFor ? `${id}-when-error` : undefined}
              onInput={(e) => setScheduledFor((e.currentTarget as HTMLInputElement).value)}
            />
            <FieldError id={`${id}-when-error`} message={errors.scheduledFor} />
          </div>
        )}
      </div>

      {props.children}
      <FormError message={errors.form} />
      <div class="nr-actions nr-composer__actions">
        {props.actions.map((a, i) => (
          <button
            key={a.action}
            type="button"
            class={`nr-button${i === 0 ? ' nr-button--primary' : ''}`}
            disabled={busy !== null}
            aria-keyshortcuts={i === 0 ? 'Control+Enter Meta+Enter' : undefined}
            onClick={() => void run(a.action)}
          >
            {busy === a.action ? `${a.label}…` : a.label}
          </button>
        ))}
        <button type="button" class="nr-button" onClick={() => void showPreview()}>
          Preview
        </button>
        {props.onCancel && (
          <button type="button" class="nr-button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
      {props.note && <p class="nr-composer__note">{props.note}</p>}
      {preview !== null && (
        <section class="nr-preview" aria-label="Preview">
          <div class="nr-preview__head">
            <h3>Preview</h3>
            <button type="button" class="nr-button nr-button--small" onClick={() => setPreview(null)}>
              Close preview
            </button>
          </div>
          {/* HTML from our own reader renderer (escaping templates), never user HTML. */}
          <div class="lp-stream" dangerouslySetInnerHTML={{ __html: preview }} />
        </section>
      )}
    </form>
  );
}
